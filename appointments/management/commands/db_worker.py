"""
`manage.py db_worker`: django-tasks-db's task worker, which outlives its database.

django-tasks-db's own worker exits on the first database error it does not expect (the database
restarted, a failover, a network cut): the front desk's notices would then wait for someone to
start it again. It has no option to carry on, so this command, of the same name, takes its place
(appointments comes before django_tasks_db in INSTALLED_APPS, and Django runs the first app's
command of a name): the Procfile's worker line, deploy/systemd and `make worker` run this one.

On OperationalError or InterfaceError it closes the database connections, waits (1 s, doubling
up to a minute, the wait starting again once the database answers), and takes up its loop again.
A task the error interrupted may be left RUNNING; appointments.tasks puts notices left so back in
the queue. Ctrl+C and SIGTERM stop it as before, also while it waits.
"""

import contextlib
import logging
import os
import time

from django_tasks_db.management.commands import db_worker

from django.core.management.base import CommandError
from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader


logger = logging.getLogger("django_tasks_db")

FIRST_WAIT = 1.0
LONGEST_WAIT = 60.0


def database_answers():
    try:
        for connection in connections.all(initialized_only=True):
            connection.ensure_connection()
        return True
    except (OperationalError, InterfaceError):
        return False


def close_connections():
    for connection in connections.all(initialized_only=True):
        with contextlib.suppress(DatabaseError):  # broken already: closing is all we ask
            connection.close()


class ReconnectingWorker(db_worker.Worker):
    def run(self):
        while True:
            try:
                return super().run()
            except (OperationalError, InterfaceError) as error:
                if not self.running:
                    return None  # stopping anyway
                first_line = (str(error).strip().splitlines() or [""])[0]
                logger.warning(
                    "The database failed (%s: %s); worker_id=%s waits for it and carries on.",
                    type(error).__name__,
                    first_line,
                    self.worker_id,
                )
            self.wait_for_the_database()

    def wait_for_the_database(self):
        wait = FIRST_WAIT
        while True:
            close_connections()
            time.sleep(wait)
            if database_answers():
                logger.warning(
                    "The database answers again; worker_id=%s carries on.", self.worker_id
                )
                return
            wait = min(wait * 2, LONGEST_WAIT)


class Command(db_worker.Command):
    help = (
        "Run the database task worker (django-tasks-db's), carrying on after database errors "
        "instead of exiting."
    )

    def handle(
        self,
        *,
        verbosity,
        queue_name,
        interval,
        batch,
        backend_name,
        startup_delay,
        reload,
        max_tasks,
        worker_id,
        exclude_queues,
        **options,
    ):
        # The package's handle(), with this worker in place of its own.
        self.configure_logging(verbosity)
        queue_names = queue_name.split(",")
        excluded_queue_names = exclude_queues.split(",") if exclude_queues else []
        if excluded_queue_names and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = ReconnectingWorker(
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded_queue_names,
        )
        if reload and not batch:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()  # only in the child the reloader starts
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
