"""
The notice that tells the front desk a request waits (a background task, retried while the mail
server fails) and the deletion of requests past their retention period.

One notice per request, eventually. The mail server and the database cannot commit together,
so the notice is sent between two single-row UPDATEs, each committed on its own:

1. claim: notice_claimed_at = now, notify_attempts + 1, only where notified_at is empty and no
   live claim is held (none, or one older than CLAIM_TIMEOUT). One sender wins; every other (a
   second task for the request, the cron retry, a second worker) updates no row and sends
   nothing.
2. send the e-mail (at most the mailer's timeout, 5 s).
3. record: sent, notified_at = now and the claim cleared; failed, the claim cleared and the
   next try's time set (growing delays, at most MAX_NOTICE_ATTEMPTS tries).

What each failure leaves, in the order things can break:

- The database fails at 1: no claim, nothing sent; the task fails, and retry_staff_notices()
  (cron, every 5 minutes) queues the notice again.
- The mail server fails at 2: 3 records it; retried at the next try's time.
- The database fails at 3 after a failed send, or the worker dies during 2 before the mail
  server accepted the message: the claim stays, so nobody sends until CLAIM_TIMEOUT has passed;
  then the retry sends it. Nothing had gone out: this is the one notice.
- The worker dies, or the database fails, at 3 after the mail server accepted the message: the
  one case where the outcome is unknown, a window of milliseconds. After CLAIM_TIMEOUT the retry
  sends again, with the same Message-ID, which mail programs show as one message. A notice
  missed would leave a patient waiting for a call; a repeat in this window is the only repeat.
- CLAIM_TIMEOUT is far above the mailer's timeout, so a sender still at work is never overtaken.

The worker (django-tasks-db) marks a task RUNNING when it takes it; a worker killed in the middle
leaves it so for ever. retry_staff_notices() puts notice tasks RUNNING for longer than
STALE_TASK_AFTER back to READY (the claim above makes running one twice harmless), and queues a
notice for every request still without one that has no task waiting: queueing failed after the
request was saved (the queue's database was down), or the task failed for good.
"""

import datetime
import logging

from django_tasks_db.models import DBTaskResult

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F, Q
from django.tasks import TaskResultStatus, task
from django.urls import reverse
from django.utils import timezone

from .models import FRONT_DESK, AppointmentRequest


logger = logging.getLogger(__name__)

# Retries of the staff notice: 5, 10, 20... minutes apart, at most this many attempts.
MAX_NOTICE_ATTEMPTS = 8
FIRST_RETRY_DELAY = datetime.timedelta(minutes=5)
# A sender's claim on a request lasts this long (the mail server's timeout is 5 s).
CLAIM_TIMEOUT = datetime.timedelta(minutes=10)
# A notice task RUNNING for this long was left by a worker that died.
STALE_TASK_AFTER = datetime.timedelta(minutes=15)
# A request this old with no attempt and no task waiting lost its task.
QUEUE_GRACE = datetime.timedelta(minutes=1)


def queue_staff_notice(request_id, run_after=None):
    """Queue the notice for one request. A queue that is down must not cost the patient."""
    try:
        if run_after is not None and notify_front_desk.get_backend().supports_defer:
            notify_front_desk.using(run_after=run_after).enqueue(request_id)
        else:
            notify_front_desk.enqueue(request_id)
    except Exception:
        logger.exception("Could not queue the notice for appointment request %s", request_id)


def staff_recipients():
    users = get_user_model().objects.filter(is_active=True, groups__name=FRONT_DESK, email__gt="")
    return sorted(set(users.values_list("email", flat=True)))


def staff_notice():
    """Subject and text of the notice: that a request waits, and where. No patient details."""
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    link = base + reverse("appointment_requests:index") + "?status=new"
    text = (
        "A new appointment request is waiting on the clinic's website.\n\n"
        f"Open it in the admin: {link}\n\n"
        "For patients' privacy this email holds no details of the request."
    )
    return "A new appointment request is waiting", text


def notice_message_id(appointment):
    """The same for every try for one request: a repeated notice shows as one message."""
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].strip("<> ") or "clinic.invalid"
    received = appointment.created_at.strftime("%Y%m%d%H%M%S%f")
    return f"<appointment-request-{appointment.pk}-{received}@{domain}>"


def claim_notice(request_id, now):
    """Step 1: True if this sender may send the request's notice, and nobody else may."""
    claimed = (
        AppointmentRequest.objects.filter(pk=request_id, notified_at__isnull=True)
        .filter(Q(notice_claimed_at__isnull=True) | Q(notice_claimed_at__lt=now - CLAIM_TIMEOUT))
        .update(notice_claimed_at=now, notify_attempts=F("notify_attempts") + 1)
    )
    return claimed == 1


@task()
def notify_front_desk(request_id):
    """E-mail the front desk that a request waits. Retried while the mail server fails."""
    claimed_at = timezone.now()
    if not claim_notice(request_id, claimed_at):
        return "nothing to do"
    appointment = AppointmentRequest.objects.get(pk=request_id)
    recipients = staff_recipients()
    subject, text = staff_notice()
    notice = EmailMessage(
        subject, text, to=recipients, headers={"Message-ID": notice_message_id(appointment)}
    )
    try:
        if not recipients:
            raise RuntimeError("Nobody in the Front desk group has an email address.")
        notice.send()
    except Exception:
        attempts = appointment.notify_attempts
        retry_at = timezone.now() + FIRST_RETRY_DELAY * 2 ** (attempts - 1)
        AppointmentRequest.objects.filter(pk=request_id, notice_claimed_at=claimed_at).update(
            notice_claimed_at=None,
            next_notify_at=retry_at if attempts < MAX_NOTICE_ATTEMPTS else None,
        )
        # A worker queue that can defer tasks retries by itself; otherwise the cron job
        # (send_appointment_notices) queues the retry when its time comes.
        if attempts < MAX_NOTICE_ATTEMPTS and notify_front_desk.get_backend().supports_defer:
            transaction.on_commit(lambda: queue_staff_notice(request_id, run_after=retry_at))
        raise
    AppointmentRequest.objects.filter(pk=request_id).update(
        notified_at=timezone.now(), notice_claimed_at=None, next_notify_at=None
    )
    return "sent"


def requeue_stale_notice_tasks(now):
    """Notice tasks a dead worker left RUNNING, READY again. Returns how many."""
    return DBTaskResult.objects.filter(
        task_path=notify_front_desk.module_path,
        status=TaskResultStatus.RUNNING,
        started_at__lt=now - STALE_TASK_AFTER,
    ).update(status=TaskResultStatus.READY)


def requests_with_a_waiting_task():
    waiting = DBTaskResult.objects.filter(
        task_path=notify_front_desk.module_path,
        status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING],
    ).values_list("args_kwargs", flat=True)
    return {args_kwargs["args"][0] for args_kwargs in waiting if args_kwargs.get("args")}


def retry_staff_notices(now=None):
    """
    Queue the notices whose retry time has come, whose sender died, or that were never queued;
    put notice tasks a dead worker left RUNNING back in the queue. Returns how many.
    """
    now = now or timezone.now()
    requeued = requeue_stale_notice_tasks(now)
    unclaimed = Q(notice_claimed_at__isnull=True)
    due = (
        AppointmentRequest.objects.filter(
            notified_at__isnull=True, notify_attempts__lt=MAX_NOTICE_ATTEMPTS
        )
        .filter(
            Q(notice_claimed_at__lt=now - CLAIM_TIMEOUT)
            | unclaimed & Q(notify_attempts__gt=0, next_notify_at__lte=now)
            | unclaimed & Q(notify_attempts=0, created_at__lte=now - QUEUE_GRACE)
        )
        .exclude(pk__in=requests_with_a_waiting_task())
        .values_list("pk", flat=True)
    )
    count = 0
    for request_id in due:
        queue_staff_notice(request_id)
        count += 1
    return requeued + count


def delete_old_requests(now=None):
    """Delete requests older than the retention period. Returns how many went."""
    days = settings.APPOINTMENT_RETENTION_DAYS
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    deleted, _ = AppointmentRequest.objects.filter(created_at__lt=cutoff).delete()
    return deleted
