"""
The online appointment request (/appointments/request/): a short form that stores the request
first, in one transaction, and only then tells the front desk, by a background task, that a
request is waiting. The notice never carries patient details, and a failing mail server costs
a retry, never a request.
"""

import datetime
import hashlib
import logging
import re

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.shortcuts import redirect
from django.tasks import task
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from wagtail.models import Page, Site

from .models import AppointmentRequest, ClinicSettings, LocationPage
from .navigation import get_clinic_settings
from .roles import FRONT_DESK


logger = logging.getLogger(__name__)

PHONE_PATTERN = re.compile(r"^[0-9 +().\-]{7,30}$")
# Retries of the staff notice: 5, 10, 20... minutes apart, at most this many attempts.
MAX_NOTICE_ATTEMPTS = 8
FIRST_RETRY_DELAY = datetime.timedelta(minutes=5)


def rate_limit():
    """(requests, seconds): how many requests one address may send in that time."""
    return getattr(settings, "APPOINTMENT_RATE_LIMIT", (5, 60 * 60))


class AppointmentRequestForm(forms.ModelForm):
    """What the clinic needs to call back, and nothing more."""

    phone = forms.CharField(
        label="Phone number",
        required=False,
        max_length=30,
        help_text="We will call you on this number.",
        error_messages={"max_length": "Please check your phone number: it is too long."},
    )
    email = forms.EmailField(
        label="Email address",
        required=False,
        max_length=254,
        help_text="Only if you would rather we wrote to you.",
        error_messages={"invalid": "Enter an email address like name@example.com."},
    )
    preferred_days = forms.MultipleChoiceField(
        label="Days that suit you",
        choices=AppointmentRequest.Day.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Leave all empty if any day suits you.",
    )
    preferred_times = forms.MultipleChoiceField(
        label="Times that suit you",
        choices=AppointmentRequest.Time.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    consent = forms.BooleanField(
        label="I agree that the clinic stores these details to call me back about an appointment.",
        error_messages={
            "required": "Please tick the box to agree, or call us instead.",
        },
    )
    # A field people never see: only programs that fill in every field fill it in.
    website = forms.CharField(required=False, label="Leave this field empty", max_length=200)
    # The page the patient came from. An unknown or stale value is dropped, never an error.
    about = forms.CharField(required=False, max_length=12, widget=forms.HiddenInput)

    class Meta:
        model = AppointmentRequest
        fields = AppointmentRequest.patient_fields
        labels = {
            "name": "Your full name",
            "patient_type": "Have you been to the clinic before?",
            "preferred_location": "Location you would prefer",
            "preferred_physician": "Physician you would prefer",
            "message": "Anything the front desk should know (optional)",
        }
        help_texts = {
            "message": (
                "For example, the best time to call. Please do not write about your symptoms "
                "or health: we will ask about them on the phone."
            ),
        }
        widgets = {"patient_type": forms.RadioSelect}
        error_messages = {
            "name": {
                "required": "Enter your name, so we know who to ask for.",
                "max_length": "Please shorten your name to at most %(limit_value)d letters.",
            },
            "patient_type": {"required": "Tell us whether you have been to the clinic before."},
            "message": {
                "max_length": "Please keep the message to %(limit_value)d letters or fewer.",
            },
        }

    def __init__(self, *args, allow_message=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["patient_type"].choices = AppointmentRequest.PatientType.choices
        self.fields["patient_type"].required = True
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["phone"].widget.input_type = "tel"
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        locations = self.fields["preferred_location"]
        locations.queryset = LocationPage.objects.live().order_by("path")
        locations.empty_label = "No preference"
        locations.error_messages["invalid_choice"] = "Choose a location from the list."
        physicians = self.fields["preferred_physician"]
        physicians.queryset = physicians.queryset.model.objects.live().order_by(
            "family_name", "title"
        )
        physicians.empty_label = "No preference"
        physicians.label_from_instance = lambda physician: physician.display_name
        physicians.error_messages["invalid_choice"] = "Choose a physician from the list."
        if not allow_message:
            del self.fields["message"]

    def clean_about(self):
        return appointment_subject(self.cleaned_data["about"])

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not PHONE_PATTERN.match(phone):
            raise forms.ValidationError(
                "Enter a phone number using digits, e.g. (312) 555-0147.", code="invalid"
            )
        return phone

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("phone") and not cleaned.get("email") and not self.has_error("phone"):
            self.add_error(
                "phone",
                forms.ValidationError(
                    "Give us a phone number or an email address, so we can reach you.",
                    code="required",
                ),
            )
        return cleaned

    @property
    def is_bot(self):
        return bool(self.data.get("website"))

    def save(self, commit=True):
        request = super().save(commit=False)
        request.consent_at = timezone.now()
        request.about_page = self.cleaned_data.get("about")
        if commit:
            request.save()
        return request


def appointment_subject(page_id):
    """The live procedure, condition or physician page with this id, or None."""
    if not str(page_id or "").isdigit():
        return None
    page = Page.objects.live().filter(pk=page_id).specific().first()
    return page if getattr(page, "appointment_subject", False) else None


def initial_from_query(query):
    """What a link from a procedure, condition, physician or location page fills in."""
    initial = {}
    physicians = AppointmentRequestForm.base_fields["preferred_physician"].queryset.model.objects
    if query.get("physician"):
        physician = physicians.live().filter(slug=query["physician"]).first()
        if physician:
            initial["preferred_physician"] = physician.pk
    if query.get("location"):
        location = LocationPage.objects.live().filter(slug=query["location"]).first()
        if location:
            initial["preferred_location"] = location.pk
    page = appointment_subject(query.get("about"))
    if page:
        initial["about"] = page.pk
        if page._meta.label_lower == "physicians.physicianpage":
            initial.setdefault("preferred_physician", page.pk)
    return initial


def client_key(request):
    """The sender's address, hashed: it is counted in the cache, never stored."""
    address = request.META.get("REMOTE_ADDR", "")
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()
    return f"appointments:rate:{digest[:32]}"


def over_rate_limit(request):
    """Count this request; True once the address has sent more than the limit allows."""
    limit, seconds = rate_limit()
    key = client_key(request)
    cache.add(key, 0, seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, seconds)
        count = 1
    return count > limit


def render_form(request, form, status=200, problem=None):
    about_page = appointment_subject(form["about"].value())
    context = {
        "form": form,
        "problem": problem,
        "about_page": about_page,
        "page_title": "Request an appointment",
        "meta_description": "Ask the clinic for an appointment online; we will call you back.",
        "breadcrumb_trail": [{"title": "Home", "url": "/"}],
        "breadcrumb_current": "Request an appointment",
        "retention_days": getattr(settings, "APPOINTMENT_RETENTION_DAYS", 90),
    }
    return TemplateResponse(request, "clinic/appointment_request.html", context, status=status)


@never_cache
def appointment_request_view(request):
    site = Site.find_for_request(request)
    clinic_settings = get_clinic_settings(site) if site else ClinicSettings()
    allow_message = clinic_settings.appointment_message_enabled
    if request.method != "POST":
        form = AppointmentRequestForm(
            initial=initial_from_query(request.GET), allow_message=allow_message
        )
        return render_form(request, form)

    form = AppointmentRequestForm(request.POST, allow_message=allow_message)
    if over_rate_limit(request):
        return render_form(
            request,
            form,
            status=429,
            problem=(
                "We have received several requests from your connection in a short time, so "
                "we cannot take another one online just now. Please call us instead."
            ),
        )
    if form.is_bot:
        return render_form(
            request,
            form,
            status=400,
            problem="We could not send your request. Please call us instead.",
        )
    if not form.is_valid():
        return render_form(request, form, status=400)

    with transaction.atomic():
        appointment = form.save()
        transaction.on_commit(lambda: queue_staff_notice(appointment.pk))
    return redirect("appointment_request_sent")


@never_cache
def appointment_request_sent_view(request):
    return TemplateResponse(
        request,
        "clinic/appointment_request_sent.html",
        {
            "page_title": "Request sent",
            "noindex": True,
            "breadcrumb_trail": [{"title": "Home", "url": "/"}],
            "breadcrumb_current": "Request sent",
        },
    )


# The notice to the front desk


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
    from django.contrib.auth import get_user_model

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
    days = getattr(settings, "APPOINTMENT_RETENTION_DAYS", 90)
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    deleted, _ = AppointmentRequest.objects.filter(created_at__lt=cutoff).delete()
    return deleted
