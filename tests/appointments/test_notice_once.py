"""
One notice per request, eventually (appointments.tasks): senders that race each other send it
once, a sender that died mid-way is taken over after its claim times out, a notice task a dead
worker left RUNNING runs again, and a request whose task was never queued is found by the retry.

The senders run in threads of their own with their own database connections, as two workers or
a worker and the cron job do, so the data is committed for real.
"""

import datetime
import io
import threading

import pytest
from django_tasks_db.models import DBTaskResult

from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from appointments.models import AppointmentRequest
from appointments.tasks import notice_message_id, notify_front_desk, retry_staff_notices
from home.roles import FRONT_DESK
from tests.accounts import make_user


pytestmark = pytest.mark.django_db(transaction=True)

WORKER = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


class HeldMailServer(EmailBackend):
    """Django's in-memory outbox, whose sending waits until the test lets it go on."""

    sending = threading.Event()
    go_on = threading.Event()

    def send_messages(self, messages):
        HeldMailServer.sending.set()
        assert HeldMailServer.go_on.wait(timeout=30), "the test never let the sending go on"
        return super().send_messages(messages)


HELD = {"default": {"BACKEND": f"{__name__}.HeldMailServer"}}


@pytest.fixture
def held_mail():
    HeldMailServer.sending.clear()
    HeldMailServer.go_on.clear()
    with override_settings(MAILERS=HELD):
        yield HeldMailServer
    HeldMailServer.go_on.set()


@pytest.fixture
def desk():
    user = make_user("desk", FRONT_DESK)
    user.email = "desk@clinic.example"
    user.save()
    return user


def waiting_request(**fields):
    return AppointmentRequest.objects.create(
        name="Pat Example",
        phone="3125550190",
        patient_type="new",
        consent_at=timezone.now(),
        **fields,
    )


def in_thread(function, *args):
    """Run `function` in a thread with its own database connection; returns the thread."""

    def run():
        try:
            function(*args)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def test_a_retry_and_a_second_task_racing_the_sender_send_nothing(desk, held_mail):
    request = waiting_request()
    worker = in_thread(notify_front_desk.call, request.pk)
    assert held_mail.sending.wait(timeout=30)  # the worker is talking to the mail server

    # Meanwhile a second task for the same request runs, and the cron job runs a few minutes
    # on: neither sends.
    assert notify_front_desk.call(request.pk) == "nothing to do"
    assert retry_staff_notices(now=timezone.now() + datetime.timedelta(minutes=5)) == 0

    held_mail.go_on.set()
    worker.join(timeout=30)
    assert len(mail.outbox) == 1
    request.refresh_from_db()
    assert request.notified_at is not None
    assert request.notify_attempts == 1
    # And no later retry sends it again.
    assert retry_staff_notices(now=timezone.now() + datetime.timedelta(days=1)) == 0
    assert len(mail.outbox) == 1


def test_two_retries_at_once_send_one_notice(desk, held_mail):
    request = waiting_request(
        notify_attempts=1, next_notify_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    first = in_thread(retry_staff_notices)
    assert held_mail.sending.wait(timeout=30)
    second = in_thread(retry_staff_notices)
    second.join(timeout=30)
    assert not second.is_alive()  # it did not wait for the mail server: it had nothing to send
    held_mail.go_on.set()
    first.join(timeout=30)
    assert len(mail.outbox) == 1
    request.refresh_from_db()
    assert request.notified_at is not None


def test_a_sender_that_died_mid_way_is_taken_over_after_its_claim_times_out(desk):
    long_ago = timezone.now() - datetime.timedelta(minutes=11)
    request = waiting_request(notify_attempts=1, notice_claimed_at=long_ago)
    fresh = waiting_request(notify_attempts=1, notice_claimed_at=timezone.now())

    out = io.StringIO()
    call_command("send_appointment_notices", stdout=out)
    assert "1 retried" in out.getvalue()
    (notice,) = mail.outbox
    request.refresh_from_db()
    assert request.notified_at is not None
    # The same Message-ID at every try: had the dead sender's message gone out, mail programs
    # show the two as one.
    assert notice.message()["Message-ID"] == notice_message_id(request)
    fresh.refresh_from_db()
    assert fresh.notified_at is None  # its sender may still be at work


def test_a_request_whose_task_was_never_queued_is_found_by_the_retry(desk):
    request = waiting_request()
    assert retry_staff_notices() == 0  # just saved: its own task may be on its way
    AppointmentRequest.objects.filter(pk=request.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=2)
    )
    assert retry_staff_notices() == 1
    assert len(mail.outbox) == 1
    request.refresh_from_db()
    assert request.notified_at is not None


def test_a_notice_task_a_dead_worker_left_running_runs_again(desk):
    request = waiting_request()
    with override_settings(TASKS=WORKER):
        notify_front_desk.enqueue(request.pk)
        AppointmentRequest.objects.filter(pk=request.pk).update(
            created_at=timezone.now() - datetime.timedelta(minutes=30)
        )
        # Waiting in the queue: the retry leaves it there rather than queueing another.
        assert retry_staff_notices() == 0
        assert DBTaskResult.objects.count() == 1

        # A worker takes it and is killed before it claims the request.
        DBTaskResult.objects.update(
            status="RUNNING", started_at=timezone.now() - datetime.timedelta(minutes=20)
        )
        call_command("send_appointment_notices", stdout=io.StringIO())
        task_result = DBTaskResult.objects.get()
        assert task_result.status == "READY"

        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    task_result.refresh_from_db()
    assert task_result.status == "SUCCESSFUL"
    assert len(mail.outbox) == 1
    request.refresh_from_db()
    assert request.notified_at is not None
