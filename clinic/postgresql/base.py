"""
Django's PostgreSQL backend (DATABASES' ENGINE, clinic.settings.database), with two guards
against a database that does not answer:
- the health check of a kept connection (a "SELECT 1" before it is reused, outside the execute
  wrappers that put every other query under clinic.operations.query_deadline) is given up after
  HEALTH_CHECK_SECONDS: a database that stopped answering between two requests would otherwise
  hold the worker for ever, and a "SELECT 1" waits on no lock, so a second is ample;
- a new connection fails at once while the process knows the database to be unreachable
  (clinic.operations.database_down), and a connection that fails marks it so.
"""

import psycopg

from django.db.backends.postgresql import base

from clinic.operations import database_down
from clinic.operations.query_deadline import deadline


HEALTH_CHECK_SECONDS = 1


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params):
        database_down.state.check()
        try:
            return super().get_new_connection(conn_params)
        except psycopg.OperationalError:
            database_down.state.mark_down(conn_params)
            raise

    def is_usable(self):
        with deadline(self, HEALTH_CHECK_SECONDS):
            return super().is_usable()
