"""The database settings built from the environment (used by clinic.settings.base)."""

import dj_database_url


# SQLite, the embedded default, with several people at once (editors saving while patients
# read, the task worker beside the web server): readers never wait for a writer (WAL), a writer
# waits up to 20 s for another instead of failing at once ("database is locked"), and each
# transaction takes its write lock when it begins, so two never deadlock upgrading a read.
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    "timeout": 20,
    "transaction_mode": "IMMEDIATE",
}


POSTGRESQL = "clinic.postgresql"


def database_from_environment(environ, base_dir):
    """DATABASE_URL's database, or an SQLite file beside manage.py."""
    database = dj_database_url.config(
        default=f"sqlite:///{base_dir / 'db.sqlite3'}",
        conn_max_age=int(environ.get("DATABASE_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database["OPTIONS"] = {**SQLITE_OPTIONS, **database.get("OPTIONS", {})}
    elif database["ENGINE"] == "django.db.backends.postgresql":
        # A PostgreSQL that does not answer costs a request a few seconds, not a worker for
        # ever, and then each process fails fast until it answers (clinic.operations.
        # database_down): the page cache serves what it has meanwhile (clinic.caching.page_cache).
        # Statements may wait 5 s (an editor's save waits on another's publish for its lock); a
        # kept connection that stopped answering is given up after 1 s (clinic.postgresql).
        # A query PostgreSQL works on too long ends after DATABASE_STATEMENT_TIMEOUT seconds
        # (0: never); one it never answers, at query_deadline() (clinic.operations.query_deadline).
        timeout = int(environ.get("DATABASE_CONNECT_TIMEOUT", "2"))
        options = {"connect_timeout": timeout, **database.get("OPTIONS", {})}
        milliseconds = round(statement_timeout(environ) * 1000)
        given = options.get("options", "")
        options["options"] = f"{given} -c statement_timeout={milliseconds}".strip()
        database["OPTIONS"] = options
        database["ENGINE"] = POSTGRESQL  # Django's, with its health check under the deadline
    return database


def statement_timeout(environ):
    return float(environ.get("DATABASE_STATEMENT_TIMEOUT", "5"))


def query_deadline(environ):
    """
    Seconds after which a query PostgreSQL has not answered is given up by the client (None:
    never): a few seconds past statement_timeout, time for PostgreSQL's own error to arrive.
    """
    if not statement_timeout(environ):
        return None
    return statement_timeout(environ) + float(environ.get("DATABASE_DEADLINE_MARGIN", "1"))
