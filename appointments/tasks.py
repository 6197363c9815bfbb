"""
The notice that tells the front desk a request waits (a background task, retried while the mail
server fails) and the deletion of requests past their retention period.
"""

import datetime
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.tasks import task
from django.urls import reverse
from django.utils import timezone

from .models import FRONT_DESK, AppointmentRequest


logger = logging.getLogger(__name__)

# Retries of the staff notice: 5, 10, 20... minutes apart, at most this many attempts.
MAX_NOTICE_ATTEMPTS = 8
FIRST_RETRY_DELAY = datetime.timedelta(minutes=5)


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


@task()
def notify_front_desk(request_id):
    """E-mail the front desk that a request waits. Retried while the mail server fails."""
    appointment = AppointmentRequest.objects.filter(pk=request_id).first()
    if appointment is None or appointment.notified_at is not None:
        return "nothing to do"
    recipients = staff_recipients()
    subject, text = staff_notice()
    try:
        if not recipients:
            raise RuntimeError("Nobody in the Front desk group has an email address.")
        send_mail(subject, text, None, recipients)
    except Exception:
        attempts = appointment.notify_attempts + 1
        retry_at = timezone.now() + FIRST_RETRY_DELAY * 2 ** (attempts - 1)
        AppointmentRequest.objects.filter(pk=request_id).update(
            notify_attempts=F("notify_attempts") + 1,
            next_notify_at=retry_at if attempts < MAX_NOTICE_ATTEMPTS else None,
        )
        # A worker queue that can defer tasks retries by itself; otherwise the cron job
        # (send_appointment_notices) queues the retry when its time comes.
        if attempts < MAX_NOTICE_ATTEMPTS and notify_front_desk.get_backend().supports_defer:
            transaction.on_commit(lambda: queue_staff_notice(request_id, run_after=retry_at))
        raise
    AppointmentRequest.objects.filter(pk=request_id).update(
        notified_at=timezone.now(),
        notify_attempts=F("notify_attempts") + 1,
        next_notify_at=None,
    )
    return "sent"


def retry_staff_notices(now=None):
    """Queue the notices whose retry time has come. Returns how many were queued."""
    now = now or timezone.now()
    due = AppointmentRequest.objects.filter(
        notified_at__isnull=True,
        notify_attempts__gt=0,
        notify_attempts__lt=MAX_NOTICE_ATTEMPTS,
        next_notify_at__lte=now,
    ).values_list("pk", flat=True)
    count = 0
    for request_id in due:
        queue_staff_notice(request_id)
        count += 1
    return count


def delete_old_requests(now=None):
    """Delete requests older than the retention period. Returns how many went."""
    days = settings.APPOINTMENT_RETENTION_DAYS
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    deleted, _ = AppointmentRequest.objects.filter(created_at__lt=cutoff).delete()
    return deleted
