"""
What a process knows of PostgreSQL being unreachable, so that a database that hangs costs a few
requests one deadline each, not every request a connect timeout.

When a new connection fails (refused, or no answer within DATABASE_CONNECT_TIMEOUT) or a query
is cut at its deadline (clinic.operations.query_deadline), the process marks the database down.
While it is down, opening a connection fails at once with OperationalError, which is the 503
page or a stale page (clinic.views, clinic.caching.page_cache), as when the database refuses.
Meanwhile one thread of the process opens a connection of its own every PROBE_SECONDS, each
attempt given up after PROBE_TIMEOUT seconds (a connection is only open once PostgreSQL has
answered its start-up: a server or path that hangs fails it); the first that opens marks the
database up, so pages are built again within about a second of its return.
"""

import logging
import os
import threading
import time

import psycopg

from django.db import OperationalError


logger = logging.getLogger(__name__)

PROBE_SECONDS = 0.5
PROBE_TIMEOUT = 1


class DatabaseDown:
    def __init__(self):
        self.lock = threading.Lock()
        self.down = threading.Event()
        self.prober = None

    def check(self):
        """Raise OperationalError at once while the database is known to be unreachable."""
        if self.down.is_set():
            raise OperationalError("The database was unreachable moments ago; not waiting on it")

    def mark_down(self, connection_params):
        """The database did not answer: fail fast until a probe with these parameters gets in."""
        with self.lock:
            if self.down.is_set():
                return
            self.down.set()
            logger.error(
                "The database is unreachable; new connections fail at once until it answers"
            )
            self.prober = threading.Thread(
                target=self.probe,
                args=(connection_params,),
                name="database-probe",
                daemon=True,
            )
            self.prober.start()

    def probe(self, connection_params):
        params = {**connection_params, "connect_timeout": PROBE_TIMEOUT}
        while self.down.is_set():
            started = time.monotonic()
            try:
                psycopg.connect(**params).close()
            except Exception:  # noqa: BLE001 (any failure: still down; try again)
                time.sleep(max(0, PROBE_SECONDS - (time.monotonic() - started)))
            else:
                self.down.clear()
                logger.warning("The database answers again")


state = DatabaseDown()


def new_state_after_fork():
    """A forked worker starts with no probe thread, and its own view of the database."""
    global state  # one per process, replaced in the child
    state = DatabaseDown()


os.register_at_fork(after_in_child=new_state_after_fork)
