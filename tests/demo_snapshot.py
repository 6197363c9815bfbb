"""
The demo clinic, kept once per run and put back after a test that empties the database: Django
flushes it after each transactional test (the browser tests on the live server, the task-worker
tests), and the next such test needs the demo again.

A copy the database makes itself, not Django's serialized rows, which are saved back one by one
(seconds for the demo, for every such test):
- SQLite: a copy of the test database's file, made and put back with SQLite's online backup.
- PostgreSQL: a copy of every table in a schema of its own, put back with INSERT … SELECT in one
  transaction (Django's foreign keys are deferrable, so they are checked once, at its end).
"""

import sqlite3

from django.db import connections, transaction


SCHEMA = "demo_snapshot"


def take(alias="default"):
    """Keep the database's content as it is now (the whole demo clinic)."""
    connection = connections[alias]
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(snapshot_file(connection)) as snapshot:
            connection.connection.backup(snapshot)
        snapshot.close()
        return
    with connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
        cursor.execute(f"CREATE SCHEMA {SCHEMA}")
        for table in tables(connection):
            name = connection.ops.quote_name(table)
            cursor.execute(f"CREATE TABLE {SCHEMA}.{name} AS SELECT * FROM {name}")  # noqa: S608


def restore(alias="default"):
    """Put back what take() kept: every table as it was, whatever happened since."""
    connection = connections[alias]
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(snapshot_file(connection)) as snapshot:
            snapshot.backup(connection.connection)
        snapshot.close()
        return
    names = [connection.ops.quote_name(table) for table in tables(connection)]
    with transaction.atomic(using=alias), connection.cursor() as cursor:
        # Sequences are left as they are: new rows never reuse the snapshot's ids.
        cursor.execute(f"TRUNCATE {', '.join(names)}")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        for name in names:
            cursor.execute(f"INSERT INTO {name} SELECT * FROM {SCHEMA}.{name}")  # noqa: S608


def copy_file(path, alias="default"):
    """
    On SQLite, write the demo's database to `path` (a site's existing database, for a command
    run in another process) and return True; elsewhere False: the caller builds its own.
    """
    connection = connections[alias]
    if connection.vendor != "sqlite":
        return False
    with sqlite3.connect(snapshot_file(connection)) as snapshot, sqlite3.connect(path) as copy:
        snapshot.backup(copy)
    snapshot.close()
    copy.close()
    return True


def tables(connection):
    return sorted(connection.introspection.django_table_names(only_existing=True))


def snapshot_file(connection):
    return f"{connection.settings_dict['NAME']}.demo"
