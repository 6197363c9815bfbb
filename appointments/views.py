"""
The online appointment request (/appointments/request/): a short form that stores the request
first, in one transaction, and only then tells the front desk, by a background task, that a
request is waiting. The notice never carries patient details, and a failing mail server costs
a retry, never a request.

The same form sent twice (a double click, sending again after an error page) is one request:
the second gets the first's confirmation and no notice (forms.submission_key; the key is unique
in the table, so two sent at the same moment cannot both be saved).
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from wagtail.models import Site

from clinic.models import ClinicSettings
from clinic.navigation import get_clinic_settings
from clinic.pages.translations import in_language

from .forms import (
    AppointmentRequestForm,
    appointment_subject,
    compared_procedures,
    initial_from_query,
    submission_key,
)
from .models import AppointmentRequest
from .ratelimit import count_request, over_rate_limit
from .tasks import queue_staff_notice


def render_form(request, form, status=200, problem=None):
    about_page = appointment_subject(form["about"].value())
    context = {
        "form": form,
        "problem": problem,
        "about_page": about_page,
        "compared": in_language(compared_procedures(form["compared"].value())),
        "page_title": _("Request an appointment"),
        "meta_description": _("Ask the clinic for an appointment online; we will call you back."),
        "breadcrumb_trail": [],
        "breadcrumb_current": _("Request an appointment"),
        "retention_days": settings.APPOINTMENT_RETENTION_DAYS,
    }
    return TemplateResponse(
        request, "appointments/appointment_request.html", context, status=status
    )


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
    key = submission_key(request.POST)
    if already_received(key):
        return redirect("appointment_request_sent")
    if over_rate_limit(request):
        return render_form(
            request,
            form,
            status=429,
            problem=_(
                "We have received several requests from your connection in a short time, so "
                "we cannot take another one online just now. Please call us instead."
            ),
        )
    if form.is_bot:
        count_request(request)
        return render_form(
            request,
            form,
            status=400,
            problem=_("We could not send your request. Please call us instead."),
        )
    if not form.is_valid():
        return render_form(request, form, status=400)

    try:
        with transaction.atomic():
            appointment = form.save(commit=False)
            appointment.submission_key = key
            appointment.save()
            transaction.on_commit(lambda: queue_staff_notice(appointment.pk))
    except IntegrityError:
        if not already_received(key):
            raise
        return redirect("appointment_request_sent")  # the same form, sent at the same moment
    count_request(request)
    return redirect("appointment_request_sent")


def already_received(key):
    return key is not None and AppointmentRequest.objects.filter(submission_key=key).exists()


@never_cache
def appointment_request_sent_view(request):
    return TemplateResponse(
        request,
        "appointments/appointment_request_sent.html",
        {
            "page_title": _("Request sent"),
            "noindex": True,
            "breadcrumb_trail": [],
            "breadcrumb_current": _("Request sent"),
        },
    )
