"""The front desk's notice of a new request: retried while the mail server is down, never losing the request."""

import datetime
import io
import socket

import pytest

from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from appointments.models import AppointmentRequest
from appointments.tasks import retry_staff_notices
from tests.appointments.conftest import PATIENT, send


pytestmark = pytest.mark.django_db


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nothing listens there once the socket closes


def test_with_the_mail_server_down_the_request_is_kept_and_the_notice_retried(
    client, front_desk, django_capture_on_commit_callbacks
):
    smtp_down = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": closed_port(), "timeout": 2},
        }
    }
    with override_settings(MAILERS=smtp_down), django_capture_on_commit_callbacks(execute=True):
        response = send(client)
    assert response.status_code == 302
    assert "Thank you" in client.get(response["Location"]).content.decode()
    stored = AppointmentRequest.objects.get()
    assert stored.notified_at is None
    assert stored.notify_attempts == 1
    assert stored.next_notify_at > timezone.now()
    assert mail.outbox == []

    # Not yet due: nothing is retried.
    assert retry_staff_notices() == 0
    # Once due, and with the mail server back, the retry sends the notice.
    later = stored.next_notify_at + datetime.timedelta(seconds=1)
    assert retry_staff_notices(now=later) == 1
    stored.refresh_from_db()
    assert stored.notified_at is not None
    assert stored.notify_attempts == 2
    assert len(mail.outbox) == 1
    # And it is not sent twice.
    assert retry_staff_notices(now=later + datetime.timedelta(days=1)) == 0


def test_the_retry_job_runs_from_cron(client, front_desk, django_capture_on_commit_callbacks):
    request = AppointmentRequest.objects.create(
        name="Old notice",
        phone="3125550100",
        patient_type="new",
        consent_at=timezone.now(),
        notify_attempts=1,
        next_notify_at=timezone.now() - datetime.timedelta(minutes=1),
    )
    out = io.StringIO()
    call_command("send_appointment_notices", stdout=out)
    assert "1 retried" in out.getvalue()
    request.refresh_from_db()
    assert request.notified_at is not None


def test_a_request_sent_in_spanish_notifies_the_front_desk_in_english(
    client, front_desk, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/es/appointments/request/", PATIENT)
    assert response.status_code == 302
    assert "Gracias" in client.get(response["Location"]).content.decode()
    (notice,) = mail.outbox
    assert notice.subject == "A new appointment request is waiting"
    assert notice.body.startswith("A new appointment request is waiting on the clinic's website.")
    assert "?status=new" in notice.body  # the link to the waiting requests
