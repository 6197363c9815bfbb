"""
A deadline for every query to PostgreSQL, kept by the client.

PostgreSQL's own statement_timeout (clinic.settings.database) ends a slow query, but only a
server that still answers can send that error. A server, or a proxy or network path in front of
it, that accepts a query and then says nothing would hold the worker for ever: libpq has no read
timeout. So each query arms a deadline a few seconds past statement_timeout; one thread per
process (a heap of deadlines, not a thread per query) shuts the connection's socket down when a
query passes its deadline. The blocked call then fails with OperationalError, which is the 503
page or a stale page (clinic.views, clinic.page_cache), and Django discards the connection; the
process then counts the database as down (clinic.operations.database_down) until it answers.
"""

import contextlib
import heapq
import itertools
import logging
import os
import socket
import threading
import time

from django.conf import settings
from django.db.backends.signals import connection_created

from clinic.operations import database_down


logger = logging.getLogger(__name__)


def shut_down(fd):
    """Shut the socket `fd` down for both directions; the connection's own descriptor stays."""
    try:
        duplicate = socket.socket(fileno=os.dup(fd))
    except OSError:
        return  # closed meanwhile
    with duplicate, contextlib.suppress(OSError):
        duplicate.shutdown(socket.SHUT_RDWR)


class Watchdog:
    """Deadlines of the queries running in this process, and the thread that enforces them."""

    def __init__(self):
        self.condition = threading.Condition()
        self.deadlines = []  # a heap of (when, number); a number no longer in `armed` is done
        self.armed = {}  # number: the socket its query waits on
        self.cut = set()  # numbers whose socket was shut down, until disarmed
        self.numbers = itertools.count()
        self.thread = None

    def arm(self, fd, seconds):
        with self.condition:
            if self.thread is None:
                self.thread = threading.Thread(
                    target=self.watch, name="query-deadline", daemon=True
                )
                self.thread.start()
            number = next(self.numbers)
            heapq.heappush(self.deadlines, (time.monotonic() + seconds, number))
            self.armed[number] = fd
            if self.deadlines[0][1] == number:
                self.condition.notify()
            return number

    def disarm(self, number):
        """The query is over; returns whether it was cut off at its deadline."""
        with self.condition:
            self.armed.pop(number, None)
            if number in self.cut:
                self.cut.discard(number)
                return True
            return False

    def watch(self):
        with self.condition:
            while True:
                while self.deadlines and self.deadlines[0][1] not in self.armed:
                    heapq.heappop(self.deadlines)  # answered in time
                if not self.deadlines:
                    self.condition.wait()
                    continue
                when, number = self.deadlines[0]
                if when > time.monotonic():
                    self.condition.wait(when - time.monotonic())
                    continue
                heapq.heappop(self.deadlines)
                # Under the lock: once disarm() has returned, its socket is never shut down.
                shut_down(self.armed.pop(number))
                self.cut.add(number)
                logger.error("A database query passed its deadline; its connection is cut")


watchdog = Watchdog()


def new_watchdog_after_fork():
    """A forked worker has no watch thread, and the lock may have been held at the fork."""
    global watchdog  # one per process, replaced in the child
    watchdog = Watchdog()


os.register_at_fork(after_in_child=new_watchdog_after_fork)


@contextlib.contextmanager
def deadline(connection, seconds=None):
    """What runs inside on Django's `connection` is cut off after `seconds` (DATABASE_QUERY_DEADLINE)."""
    try:
        fd = connection.connection.pgconn.socket
    except Exception:  # noqa: BLE001 (no socket: what runs fails by itself, at once)
        fd = None
    if fd is None or not settings.DATABASE_QUERY_DEADLINE:
        yield
        return
    number = watchdog.arm(fd, seconds or settings.DATABASE_QUERY_DEADLINE)
    try:
        yield
    finally:
        if watchdog.disarm(number):
            # No answer in time: the next requests fail fast until PostgreSQL answers again.
            database_down.state.mark_down(connection.get_connection_params())


def with_deadline(execute, sql, params, many, context):
    """An execute wrapper (Django's database instrumentation): the query under a deadline."""
    with deadline(context["connection"]):
        return execute(sql, params, many, context)


def put_queries_under_deadline(sender, connection, **kwargs):
    if connection.vendor != "postgresql" or not settings.DATABASE_QUERY_DEADLINE:
        return
    if with_deadline not in connection.execute_wrappers:
        # First, so the innermost: a `with connection.execute_wrapper(…)` around this
        # connection's creation removes its own wrapper, the last, when it ends.
        connection.execute_wrappers.insert(0, with_deadline)


def watch_queries():
    connection_created.connect(put_queries_under_deadline, dispatch_uid="clinic_query_deadline")
