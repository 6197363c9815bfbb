"""
The backup and restore of docs/deploy.md, as an operator types them: pg_dump of the site's
database, pg_restore into an empty one, migrate, and the restored site serves the same pages and
still holds the appointment requests.

PostgreSQL's own tools and a database of its own: marked `servers`, run once by `.ci/run`.
"""

import shutil
import subprocess
import sys
import urllib.request

import psycopg
import pytest

from django.db import connection

from tests.network import free_port
from tests.processes import ROOT
from tests.servers import demo_database, postgres_admin, server_environment, wsgi_server


pytestmark = [
    pytest.mark.servers,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only"),
    pytest.mark.skipif(not shutil.which("pg_dump"), reason="needs pg_dump and pg_restore"),
]

ORIGINAL, RESTORED = "clinic_backup_test", "clinic_restored_test"
PAGES = ["/", "/procedures/", "/procedures/sacroiliac-joint-injection/", "/physicians/"]


def url(name):
    return f"postgres://postgres@127.0.0.1:5432/{name}"


def environment(name):
    return server_environment(
        DJANGO_SETTINGS_MODULE="clinic.settings.dev", DEBUG="false", DATABASE_URL=url(name)
    )


def manage(name, *command):
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *command],
        cwd=ROOT,
        env=environment(name),
        check=True,
        capture_output=True,
        text=True,
    )


def pages(name, folder):
    with wsgi_server(free_port(), environment(name), folder / f"{name}.log") as address:
        return {
            path: urllib.request.urlopen(address + path, timeout=15).read()  # noqa: S310
            for path in PAGES
        }


def test_a_backup_restores_into_a_site_that_serves_the_same_pages(tmp_path):
    with demo_database(ORIGINAL, environment(ORIGINAL)):
        manage(
            ORIGINAL,
            "shell",
            "--no-imports",
            "-c",
            "from django.utils import timezone; "
            "from appointments.models import AppointmentRequest; "
            "AppointmentRequest.objects.create(name='Pat Example', phone='(312) 555-0190', "
            "patient_type='new', consent_at=timezone.now())",
        )
        before = pages(ORIGINAL, tmp_path)

        dump = tmp_path / "clinic-2026-11-30.dump"
        subprocess.run(  # noqa: S603
            ["pg_dump", "--format=custom", f"--file={dump}", url(ORIGINAL)],  # noqa: S607
            check=True,
        )
    try:
        with postgres_admin() as db:
            db.execute(f'DROP DATABASE IF EXISTS "{RESTORED}" WITH (FORCE)')
            db.execute(f'CREATE DATABASE "{RESTORED}"')
        subprocess.run(  # noqa: S603
            ["pg_restore", "--no-owner", f"--dbname={url(RESTORED)}", str(dump)],  # noqa: S607
            check=True,
        )
        assert "No migrations to apply." in manage(RESTORED, "migrate", "--noinput").stdout
        after = pages(RESTORED, tmp_path)
        with psycopg.connect(url(RESTORED).replace("postgres://", "postgresql://")) as db:
            (kept,) = db.execute(
                "SELECT count(*) FROM appointments_appointmentrequest WHERE name = 'Pat Example'"
            ).fetchone()
    finally:
        with postgres_admin() as db:
            db.execute(f'DROP DATABASE IF EXISTS "{RESTORED}" WITH (FORCE)')
    assert after == before
    assert kept == 1
