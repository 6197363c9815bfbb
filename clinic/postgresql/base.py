"""
Django's PostgreSQL backend (DATABASES' ENGINE, clinic.settings.database), whose health check
of a kept connection (a "SELECT 1" before it is reused, outside the execute wrappers that put
every other query under clinic.operations.query_deadline) is also given up at the deadline: a database
that stopped answering between two requests would otherwise hold the worker for ever.
"""

from django.db.backends.postgresql import base

from clinic.operations.query_deadline import deadline


class DatabaseWrapper(base.DatabaseWrapper):
    def is_usable(self):
        with deadline(self):
            return super().is_usable()
