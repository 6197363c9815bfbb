#!/usr/bin/env python
"""
Search quality: recall at 5 of the evaluation set (tests/site_search/evaluation.toml) on the
demo clinic, on SQLite and on PostgreSQL, each in a fresh database of its own.

Usage: .venv/bin/python scripts/search_eval.py (`make bench` runs it first). PostgreSQL is
EVAL_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/clinic_search_eval), recreated.
"""

import contextlib
import io
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import psycopg


ROOT = Path(__file__).resolve().parent.parent
POSTGRES_URL = os.environ.get(
    "EVAL_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/clinic_search_eval"
)


def evaluate_here():
    """In a process whose DATABASE_URL is set: build the demo, run the queries, print."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic.settings.dev")
    # Imported here: this runs in a child process that sets its DATABASE_URL first.
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from tests.site_search.evaluation import load_queries, recall_at_5

    with contextlib.redirect_stdout(io.StringIO()):  # migrations and the loader report progress
        call_command("migrate", "--noinput", verbosity=0)
        call_command("load_demo_content", verbosity=0)
    recall, misses = recall_at_5()
    print(f"{connection.vendor:11} recall@5 {recall:6.1%} over {len(load_queries())} queries")
    for miss in misses:
        print(f"  {miss.query!r}: missing {', '.join(miss.missing)} (top 5: {', '.join(miss.top)})")
    return recall


def recreate_postgres_database():
    name = POSTGRES_URL.rsplit("/", 1)[1]
    with psycopg.connect(POSTGRES_URL.rsplit("/", 1)[0] + "/postgres", autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}"')
        db.execute(f'CREATE DATABASE "{name}"')


def main():
    if "--here" in sys.argv:
        evaluate_here()
        return
    with tempfile.TemporaryDirectory() as folder:
        databases = [f"sqlite:///{folder}/eval.sqlite3"]
        try:
            recreate_postgres_database()
            databases.append(POSTGRES_URL)
        except psycopg.OperationalError as error:
            print(f"PostgreSQL not reachable, SQLite only: {error}".strip())
        for url in databases:
            env = {**os.environ, "DATABASE_URL": url, "DEBUG": "false"}
            subprocess.run([sys.executable, __file__, "--here"], env=env, check=True, cwd=ROOT)


if __name__ == "__main__":
    main()
