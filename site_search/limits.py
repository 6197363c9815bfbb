"""
What one search may cost: a time limit on the database's work (SEARCH_SECONDS), and a limit on
how often one address may search (clinic.operations.rate_limit). The words themselves are capped before
any work is done (site_search.terms: first_words, term_query).
"""

import contextlib
import time

from django.db import OperationalError, connection, transaction

from clinic.operations.rate_limit import RateLimit


SEARCH_SECONDS = 2
SEARCHES = RateLimit("search", "SEARCH_RATE_LIMIT")
SUGGESTIONS = RateLimit("search-suggest", "SUGGEST_RATE_LIMIT")


class SearchTooSlow(Exception):
    """The database was stopped after SEARCH_SECONDS."""


@contextlib.contextmanager
def time_limit(seconds=None):
    """
    Stop the database's work for one search after `seconds`: PostgreSQL's statement timeout
    for this transaction; on SQLite, a progress handler that interrupts the query.
    """
    seconds = SEARCH_SECONDS if seconds is None else seconds
    deadline = time.monotonic() + seconds
    try:
        if connection.vendor == "postgresql":
            with transaction.atomic():
                with connection.cursor() as cursor:
                    milliseconds = str(int(seconds * 1000))
                    cursor.execute(
                        "SELECT set_config('statement_timeout', %s, true)", [milliseconds]
                    )
                yield
        elif connection.vendor == "sqlite":
            connection.ensure_connection()
            sqlite = connection.connection  # the sqlite3 connection Django opened
            sqlite.set_progress_handler(lambda: time.monotonic() > deadline, 10_000)
            try:
                yield
            finally:
                sqlite.set_progress_handler(None, 0)
        else:
            yield
    except OperationalError as error:
        if time.monotonic() >= deadline:
            raise SearchTooSlow from error
        raise
