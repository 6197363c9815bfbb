"""
With the worker backend production uses, the front desk's e-mail is sent by the worker, not in
the patient's request: a mail server that accepts connections and never answers does not hold
the patient, and the notice is retried later instead of lost.
"""

import pytest
from django_tasks_db.models import DBTaskResult

from django.core.management import call_command
from django.test import override_settings

from appointments.models import AppointmentRequest
from home.roles import FRONT_DESK
from tests.accounts import make_user
from tests.appointments.conftest import PATIENT, URL
from tests.browser.conftest import restore_demo_clinic


# Committed for real, as in production: the worker runs outside any test transaction (it
# closes and reopens its database connection between tasks, as a worker process does).
pytestmark = pytest.mark.django_db(transaction=True)

WORKER = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def smtp(port, timeout):
    return {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": timeout},
        }
    }


def test_a_hanging_mail_server_does_not_hold_the_patient(client, silent_server):
    restore_demo_clinic()  # an earlier test of this kind may have emptied the database
    desk = make_user("desk", FRONT_DESK)
    desk.email = "desk@clinic.example"
    desk.save()
    with override_settings(TASKS=WORKER, MAILERS=smtp(silent_server.port, timeout=2)):
        response = client.post(URL, PATIENT)
        assert response.status_code == 302
        # The patient's request never even called the mail server, so it cannot wait for it.
        assert silent_server.connections() == 0
        appointment = AppointmentRequest.objects.get()
        assert appointment.notified_at is None
        notice = DBTaskResult.objects.get(task_path="appointments.tasks.notify_front_desk")
        assert notice.status == "READY"

        # The worker picks the notice up; the mail server still hangs, so it is kept for a retry.
        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    appointment.refresh_from_db()
    notice.refresh_from_db()
    assert silent_server.connections() == 1  # the worker called it
    assert notice.status == "FAILED"  # the worker waited for the mail server, not the patient
    assert appointment.notified_at is None
    assert appointment.notify_attempts == 1
    assert appointment.next_notify_at is not None
    assert AppointmentRequest.objects.count() == 1  # the request itself is never lost
