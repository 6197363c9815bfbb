"""
The cheap rows of `make faults` (scripts/faults.py), each in seconds, with real servers: the
production settings served on a port, a Redis of the test's own and a mail sink, each behind a
FaultProxy (tests/fault_proxy.py), on a PostgreSQL database with the demo clinic.

- Redis refusing connections under a running server: pages answer at once and a patient's
  request is confirmed and stored; when Redis returns, nothing needs a restart.
- A mail server that hangs: the patient's confirmation does not wait for it (the notice is the
  task worker's), and once it answers again the front desk gets exactly one notice.
- A publish made while Redis refuses connections shows on both of two app servers within 2 s
  of Redis returning.

Marked `servers`, which `make test` leaves out and `.ci/run` runs once, on PostgreSQL.
"""

import shutil
import subprocess
import sys
import time

import psycopg
import pytest

from django.db import connection

from tests.fault_proxy import FaultProxy
from tests.mail_sink import MailServer
from tests.network import free_port
from tests.processes import ROOT
from tests.servers import (
    Browser,
    demo_database,
    form_token,
    manage_shell,
    private_redis,
    request_appointment,
    server_environment,
    wsgi_server,
)


pytestmark = [
    pytest.mark.servers,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only"),
    pytest.mark.skipif(not shutil.which("redis-server"), reason="needs redis-server"),
]

DATABASE = "clinic_outages_test"
PAGE = "/procedures/sacroiliac-joint-injection/"
PAGES = ["/", "/procedures/", PAGE, "/conditions/", "/search/?q=sciatica"]


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    """(environment, Redis's proxy, the mail sink, its proxy, a folder for logs)."""
    folder = tmp_path_factory.mktemp("outages")
    redis_port = free_port()
    with (
        private_redis(redis_port),
        FaultProxy(redis_port) as redis_proxy,
        MailServer() as mail,
        FaultProxy(mail.port) as mail_proxy,
    ):
        environment = server_environment(
            DJANGO_SETTINGS_MODULE="clinic.settings.production",
            SECRET_KEY="a-throwaway-key-for-this-test-only-0123456789",
            ALLOWED_HOSTS="127.0.0.1",
            SITE_URL="http://127.0.0.1",
            SERVE_OVER_HTTP="true",
            DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
            REDIS_URL=f"redis://127.0.0.1:{redis_proxy.port}/0",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(mail_proxy.port),
            STATIC_ROOT=str(folder / "static"),
            CLINIC_PHONE="(555) 010-0199",
            REQUEST_LOG="false",
        )
        with demo_database(DATABASE, environment):
            subprocess.run(  # production's static files: hashed names from their manifest
                [sys.executable, "manage.py", "collectstatic", "--noinput"],
                cwd=ROOT,
                env=environment,
                check=True,
                capture_output=True,
            )
            manage_shell(
                environment,
                "from django.contrib.auth import get_user_model; "
                "from django.contrib.auth.models import Group; from home.roles import FRONT_DESK; "
                "desk = get_user_model().objects.create_user('desk', 'desk@clinic.invalid'); "
                "desk.groups.add(Group.objects.get(name=FRONT_DESK))",
            )
            yield environment, redis_proxy, mail, mail_proxy, folder


@pytest.fixture
def server(stack):
    environment, *_, folder = stack
    with wsgi_server(free_port(), environment, folder / f"server-{time.time()}.log") as address:
        yield address


def timed_get(browser, path):
    started = time.monotonic()
    status, _, page = browser.get(path)
    return status, time.monotonic() - started, page


def test_with_redis_refusing_connections_patients_are_served_at_once(stack, server):
    _, redis_proxy, *_ = stack
    browser = Browser(server)
    for path in PAGES:
        assert browser.get(path)[0] == 200  # built and kept
    token = form_token(browser)

    redis_proxy.refuse()
    try:
        for path in [*PAGES, "/physicians/", "/news/"]:  # kept, and built without Redis
            status, seconds, _ = timed_get(browser, path)
            assert status == 200 and seconds < 1, path
        assert request_appointment(browser, "Pat Refused", token) == (200, True)
    finally:
        redis_proxy.restore()
    for path in PAGES:
        assert browser.get(path)[0] == 200  # no restart needed
    with psycopg.connect(f"postgresql://postgres@127.0.0.1:5432/{DATABASE}") as db:
        stored = db.execute(
            "SELECT count(*) FROM appointments_appointmentrequest WHERE name = 'Pat Refused'"
        ).fetchone()[0]
    assert stored == 1


def notices_for(mail, request_id):
    return [found for found in mail.message_ids() if f"<appointment-request-{request_id}-" in found]


def test_a_hanging_mail_server_holds_no_patient_and_the_notice_goes_once(stack, server):
    environment, _, mail, mail_proxy, folder = stack
    log = folder / "worker.log"
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--queue-name", "default"],
        cwd=ROOT,
        env=environment,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    database = psycopg.connect(f"postgresql://postgres@127.0.0.1:5432/{DATABASE}", autocommit=True)
    try:
        browser = Browser(server)
        token = form_token(browser)
        mail_proxy.hang()
        started = time.monotonic()
        assert request_appointment(browser, "Pat Hanging", token) == (200, True)
        assert time.monotonic() - started < 2  # the mail server is the worker's wait
        (request_id,) = database.execute(
            "SELECT id FROM appointments_appointmentrequest WHERE name = 'Pat Hanging'"
        ).fetchone()

        # The worker tries, gives up at the mailer's timeout (5 s) and sets the retry's time.
        deadline = time.monotonic() + 60
        while not database.execute(
            "SELECT 1 FROM appointments_appointmentrequest WHERE id = %s "
            "AND next_notify_at IS NOT NULL AND notice_claimed_at IS NULL",
            [request_id],
        ).fetchone():
            assert worker.poll() is None, log.read_text()[-3000:]
            assert time.monotonic() < deadline, log.read_text()[-3000:]
            time.sleep(0.1)
        assert notices_for(mail, request_id) == []

        mail_proxy.restore()
        # The retry waits 5 minutes; here it is brought forward, as if they had passed.
        database.execute(
            "UPDATE django_tasks_database_dbtaskresult SET run_after = now() "
            "WHERE status = 'READY' AND run_after > now() AND run_after < '9999-01-01'"
        )
        assert mail.wait_for(len(mail.messages) + 1, seconds=30), log.read_text()[-3000:]
        deadline = time.monotonic() + 30
        while not database.execute(
            "SELECT 1 FROM appointments_appointmentrequest WHERE id = %s "
            "AND notified_at IS NOT NULL",
            [request_id],
        ).fetchone():
            assert time.monotonic() < deadline, "the notice was sent but never recorded"
            time.sleep(0.1)
        # Cron's retry finds nothing left to send: one notice, not two.
        subprocess.run(
            [sys.executable, "manage.py", "send_appointment_notices"],
            cwd=ROOT,
            env=environment,
            check=True,
            capture_output=True,
        )
        assert len(notices_for(mail, request_id)) == 1
    finally:
        mail_proxy.restore()
        database.close()
        worker.terminate()
        worker.wait(timeout=30)


def test_a_publish_while_redis_refuses_shows_on_both_servers_once_it_returns(stack, server):
    environment, redis_proxy, *_, folder = stack
    with wsgi_server(free_port(), environment, folder / "second.log") as second:
        servers = [Browser(server), Browser(second)]
        for browser in servers:
            assert browser.get(PAGE)[0] == 200  # cached on both
        summary = f"Published while Redis refused connections ({time.time():.0f})."
        redis_proxy.refuse()
        try:
            manage_shell(
                environment,
                "from procedures.models import ProcedurePage; "
                "page = ProcedurePage.objects.get(slug='sacroiliac-joint-injection'); "
                f"page.summary = {summary!r}; page.save_revision().publish()",
            )
        finally:
            redis_proxy.restore()
        returned = time.monotonic()
        for browser in servers:
            while summary not in browser.get(PAGE)[2]:
                assert time.monotonic() - returned < 2, f"{browser.base} serves the old page"
                time.sleep(0.05)
