"""
The task worker outlives its database: `manage.py db_worker`, as the Procfile runs it with the
production settings, reaches PostgreSQL through a proxy the test cuts and restores. The worker
sends a notice, keeps running while the database is cut, and sends the next one once it is back.

PostgreSQL only, a process of its own: marked `fault`, which `make test` leaves out.
"""

import subprocess
import sys
import time

import pytest

from django.db import connection
from django.test import override_settings
from django.utils import timezone

from appointments.models import AppointmentRequest
from appointments.tasks import notify_front_desk
from home.roles import FRONT_DESK
from tests.accounts import make_user
from tests.fault_proxy import FaultProxy
from tests.mail_sink import MailServer
from tests.network import free_port
from tests.processes import ROOT
from tests.servers import server_environment


pytestmark = [
    pytest.mark.fault,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only"),
    pytest.mark.django_db(transaction=True),
]

WORKER = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def queue_a_notice():
    request = AppointmentRequest.objects.create(
        name="Pat Example", phone="3125550190", patient_type="new", consent_at=timezone.now()
    )
    with override_settings(TASKS=WORKER):
        notify_front_desk.enqueue(request.pk)
    return request


def wait_until_notified(request, seconds=30):
    """The worker records the notice a moment after the mail server took it."""
    deadline = time.monotonic() + seconds
    while not AppointmentRequest.objects.filter(pk=request.pk, notified_at__isnull=False):
        assert time.monotonic() < deadline, f"Request #{request.pk} was never marked notified"
        time.sleep(0.1)


def wait_for_line(worker, log, text, seconds=30):
    """Return once the worker has written `text`; fail if it exits or `seconds` pass first."""
    deadline = time.monotonic() + seconds
    while text not in log.read_text():
        assert worker.poll() is None, f"The worker exited:\n{log.read_text()[-3000:]}"
        assert time.monotonic() < deadline, f"No {text!r} in:\n{log.read_text()[-3000:]}"
        time.sleep(0.1)


def test_the_worker_carries_on_after_the_database_was_cut(tmp_path):
    desk = make_user("desk", FRONT_DESK)
    desk.email = "desk@clinic.example"
    desk.save()
    log = tmp_path / "worker.log"
    with FaultProxy(5432) as proxy, MailServer() as mail_server:
        environment = server_environment(
            DJANGO_SETTINGS_MODULE="clinic.settings.production",
            SECRET_KEY="a-throwaway-key-for-this-test-only-0123456789",
            SITE_URL="http://127.0.0.1",
            REDIS_URL=f"redis://127.0.0.1:{free_port()}/0",  # none: the worker does without
            DATABASE_URL=(
                f"postgres://postgres@127.0.0.1:{proxy.port}/{connection.settings_dict['NAME']}"
            ),
            DATABASE_CONNECT_TIMEOUT="1",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(mail_server.port),
        )
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--queue-name", "default"],
            cwd=ROOT,
            env=environment,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
        )
        try:
            wait_for_line(worker, log, "Starting worker")
            first = queue_a_notice()
            assert mail_server.wait_for(1), log.read_text()[-3000:]
            wait_until_notified(first)

            proxy.refuse()
            wait_for_line(worker, log, "waits for it")
            proxy.restore()
            wait_for_line(worker, log, "answers again")

            second = queue_a_notice()
            assert mail_server.wait_for(2), log.read_text()[-3000:]
            wait_until_notified(second)
            assert worker.poll() is None
        finally:
            worker.terminate()
            worker.wait(timeout=30)
    assert len(mail_server.messages) == 2  # one each
