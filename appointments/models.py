"""
Appointment requests patients send from the site, and the record of who on the staff looked at
them. A request holds health information: it asks for the minimum, never leaves the database
in an e-mail, and is deleted after the retention period (see delete_old_appointment_requests).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from clinic.models.fields import optional_link


# The group that handles requests and is told of new ones (see home.roles).
FRONT_DESK = "Front desk"


class AppointmentRequest(models.Model):
    class Status(models.TextChoices):
        NEW = "new", "New"
        CONTACTED = "contacted", "Contacted"
        BOOKED = "booked", "Booked"
        CLOSED = "closed", "Closed"

    class PatientType(models.TextChoices):
        NEW = "new", _("New patient")
        RETURNING = "returning", _("Returning patient")

    class Day(models.TextChoices):
        MONDAY = "mon", _("Monday")
        TUESDAY = "tue", _("Tuesday")
        WEDNESDAY = "wed", _("Wednesday")
        THURSDAY = "thu", _("Thursday")
        FRIDAY = "fri", _("Friday")

    class Time(models.TextChoices):
        MORNING = "morning", _("Morning")
        AFTERNOON = "afternoon", _("Afternoon")

    name = models.CharField(max_length=100)
    phone = models.CharField(max_length=30, blank=True)
    email = models.EmailField(blank=True)
    patient_type = models.CharField("new or returning", max_length=10, choices=PatientType)
    preferred_location = optional_link("locations.LocationPage")
    preferred_physician = optional_link(
        "physicians.PhysicianPage",
    )
    preferred_days = models.JSONField(default=list, blank=True)
    preferred_times = models.JSONField(default=list, blank=True)
    about_page = optional_link(
        "wagtailcore.Page",
        verbose_name="sent from the page",
        help_text="The procedure, condition or physician page the patient started from.",
    )
    compared_procedures = models.CharField(
        "procedures compared",
        max_length=400,
        blank=True,
        help_text="The procedures the patient compared side by side before asking, by name.",
    )
    message = models.TextField(blank=True, max_length=500)
    consent_at = models.DateTimeField("agreed to the privacy notice at")
    status = models.CharField(max_length=10, choices=Status, default=Status.NEW, db_index=True)
    created_at = models.DateTimeField("received", auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    # The staff notice: sent once, retried with growing delays while the mail server fails.
    # notice_claimed_at: a sender's claim (appointments.tasks); another sender waits it out.
    notified_at = models.DateTimeField(null=True, blank=True)
    notify_attempts = models.PositiveSmallIntegerField(default=0)
    next_notify_at = models.DateTimeField(null=True, blank=True)
    notice_claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The form's one-time token and contents, digested (appointments.forms.submission_key):
    # the same form sent twice is saved once. Empty for requests sent without a token.
    submission_key = models.CharField(
        max_length=64, null=True, blank=True, unique=True, editable=False
    )

    # What the patient fills in: the form asks for these, the admin shows them read-only.
    patient_fields = [
        "name",
        "phone",
        "email",
        "patient_type",
        "preferred_location",
        "preferred_physician",
        "preferred_days",
        "preferred_times",
        "message",
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "appointment request"

    def __str__(self):
        # No patient details: this text lands in the admin's history and logs.
        return f"Appointment request #{self.pk}"

    @property
    def preferred_days_display(self):
        labels = dict(self.Day.choices)
        return ", ".join(str(labels.get(day, day)) for day in self.preferred_days) or "Any day"

    @property
    def preferred_times_display(self):
        labels = dict(self.Time.choices)
        return ", ".join(str(labels.get(time, time)) for time in self.preferred_times) or "Any time"


class AppointmentAccessLog(models.Model):
    """
    Who saw, exported or changed the status of which appointment request, and when. Kept after
    the request goes.
    """

    class Action(models.TextChoices):
        LIST = "list", "Listed"
        VIEW = "view", "Opened"
        EXPORT = "export", "Exported"
        STATUS = "status", "Status changed"

    request = models.ForeignKey(
        AppointmentRequest,
        null=True,
        on_delete=models.SET_NULL,
        related_name="access_log",
    )
    request_number = models.PositiveIntegerField(db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    username = models.CharField(max_length=150)
    action = models.CharField(max_length=10, choices=Action)
    new_status = models.CharField(
        "status changed to", max_length=10, choices=AppointmentRequest.Status, blank=True
    )
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = "appointment request access"
        verbose_name_plural = "appointment request access log"

    def __str__(self):
        return f"{self.username}: {self.description} (request #{self.request_number})"

    @property
    def description(self):
        """What was done, as the log shows it: "Opened", "Status changed to Booked"…"""
        if self.action == self.Action.STATUS:
            return f"Status changed to {self.get_new_status_display()}"
        return self.get_action_display()

    @classmethod
    def record(cls, user, action, requests, new_status=""):
        cls.objects.bulk_create(
            cls(
                request_id=request.pk,
                request_number=request.pk,
                user=user,
                username=user.get_username(),
                action=action,
                new_status=new_status,
            )
            for request in requests
        )
