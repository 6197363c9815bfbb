"""
What the load and fault scripts share (scripts/loadtest.py, scripts/faults.py, scripts/bench_pages.py):
spare ports, a private Redis, a database made ready with the demo clinic, the production
environment for a local run, and locust driving scripts/locustfile.py's patients.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import psycopg


ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The same spare port and wait for a listener as the tests' servers (stdlib only, no Django).
from tests.network import free_port  # noqa: E402, F401 (the scripts import it from here)
from tests.network import wait_for_port as wait_for  # noqa: E402


def start_redis(port):
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--save", "", "--appendonly", "no"],  # noqa: S607
        stdout=subprocess.DEVNULL,
    )
    wait_for(port)
    return process


def production_environment(database_url, redis_url, static_root, **more):
    """The production settings for a run on this machine, over plain HTTP on 127.0.0.1."""
    return {
        **{key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")},
        "DJANGO_SETTINGS_MODULE": "clinic.settings.production",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "SECRET_KEY": "loadtest-only-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "TRUSTED_PROXY_COUNT": "1",
        "STATIC_ROOT": str(static_root),
        "CLINIC_PHONE": "(312) 555-0147",
        **more,
    }


def manage(environment, *command):
    """`manage.py command` in a process of its own; its output is returned."""
    return subprocess.run(
        [sys.executable, "manage.py", *command],
        cwd=ROOT,
        env=environment,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def create_database(url):
    """The PostgreSQL database `url` names, made if missing."""
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as db:
        if not db.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            db.execute(f'CREATE DATABASE "{name}"')


def prepare(environment, *more_commands):
    """The environment's database (made if missing on PostgreSQL), the demo and static files."""
    if environment["DATABASE_URL"].startswith("postgres"):
        create_database(environment["DATABASE_URL"])
    for command in (
        ["migrate", "--noinput"],
        ["load_demo_content"],
        ["collectstatic", "--noinput"],
        *more_commands,
    ):
        manage(environment, *command)


def start_locust(environment, host, users, seconds, output):
    """locust with scripts/locustfile.py's patients; what it saw is in `output` once it ends."""
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "locust",
            "-f",
            str(ROOT / "scripts" / "locustfile.py"),
            "--headless",
            "--users",
            str(users),
            "--spawn-rate",
            str(users),
            "--run-time",
            f"{seconds}s",
            "--host",
            host,
            "--only-summary",
            "--loglevel",
            "ERROR",
        ],
        cwd=ROOT,
        env={**environment, "LOADTEST_OUTPUT": str(output)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def locust_results(locust, output):
    """Wait for locust to end: {"answers": [(time, status, ms, kind)], "confirmed": [names]}."""
    locust.wait()
    return json.loads(Path(output).read_text())
