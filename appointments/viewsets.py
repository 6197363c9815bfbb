"""
Appointment requests in the Wagtail admin, for the front desk and site admins only. Every time
a request's details are shown, opened or exported, and every change of its status, the access
log records who and when (and the new status).
"""

import datetime

from django.utils import timezone

from wagtail.admin.panels import FieldPanel, Panel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from appointments.models import AppointmentAccessLog, AppointmentRequest
from clinic.operations.exports import FormulaSafeCsvMixin


class NoAddPolicy(ModelPermissionPolicy):
    """Model permissions as usual, except that nobody adds rows in the admin."""

    denied = {"add"}

    def user_has_permission(self, user, action):
        return action not in self.denied and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class ReadOnlyPolicy(NoAddPolicy):
    """A log: it can be read, never changed or deleted from the admin."""

    denied = {"add", "change", "delete"}


# Views that record who saw which request


def local_time(value):
    """A moment as the clinic's staff read it: their time zone, to the minute."""
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")


class LocalTimeIndexView(FormulaSafeCsvMixin, generic.IndexView):
    """Exports in the clinic's local time, as the admin shows it, without seconds; a CSV cell
    never starts a formula."""

    custom_value_preprocess = {
        **generic.IndexView.custom_value_preprocess,
        datetime.datetime: {
            SpreadsheetExportMixin.FORMAT_CSV: local_time,
            SpreadsheetExportMixin.FORMAT_XLSX: lambda value: timezone.make_naive(
                timezone.localtime(value).replace(second=0, microsecond=0)
            ),
        },
    }


class LoggedIndexView(LocalTimeIndexView):
    def render_to_response(self, context, **response_kwargs):
        shown = list(context["object_list"])
        action = (
            AppointmentAccessLog.Action.EXPORT
            if self.is_export
            else AppointmentAccessLog.Action.LIST
        )
        AppointmentAccessLog.record(self.request.user, action, shown)
        return super().render_to_response(context, **response_kwargs)


class LoggedInspectView(generic.InspectView):
    def get_context_data(self, **kwargs):
        AppointmentAccessLog.record(
            self.request.user, AppointmentAccessLog.Action.VIEW, [self.object]
        )
        return super().get_context_data(**kwargs)


class LoggedEditView(generic.EditView):
    def get_context_data(self, **kwargs):
        AppointmentAccessLog.record(
            self.request.user, AppointmentAccessLog.Action.VIEW, [self.object]
        )
        return super().get_context_data(**kwargs)

    def save_instance(self):
        instance = super().save_instance()
        if "status" in self.form.changed_data:
            AppointmentAccessLog.record(
                self.request.user,
                AppointmentAccessLog.Action.STATUS,
                [instance],
                new_status=instance.status,
            )
        return instance


class PatientDetailsPanel(Panel):
    """The request as the patient sent it, read-only, in plain words."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "appointments/admin/appointment_details_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["request_details"] = self.instance
            return context


# What the patient sent, as the staff read it: days and times by their names.
SHOWN_AS = {
    "preferred_days": "preferred_days_display",
    "preferred_times": "preferred_times_display",
}
DETAILS = [
    *(SHOWN_AS.get(name, name) for name in AppointmentRequest.patient_fields),
    "about_page",
    "compared_procedures",
    "created_at",
    "consent_at",
]


class AppointmentRequestViewSet(ModelViewSet):
    model = AppointmentRequest
    icon = "calendar"
    menu_label = "Requests"
    url_prefix = "appointment-requests"
    name = "appointment_requests"
    index_view_class = LoggedIndexView
    inspect_view_class = LoggedInspectView
    edit_view_class = LoggedEditView
    inspect_view_enabled = True
    inspect_view_fields = ["status", *DETAILS]
    copy_view_enabled = False
    list_per_page = 25
    list_display = ["__str__", "name", "patient_type", "preferred_location", "status", "created_at"]
    list_filter = ["status", "patient_type", "preferred_location", "created_at"]
    # Choices by their labels in exports, as the admin shows them.
    list_export = [
        "pk",
        "get_status_display",
        *(name.replace("patient_type", "get_patient_type_display") for name in DETAILS),
    ]
    export_headings = {
        "pk": "Request",
        "get_status_display": "Status",
        "get_patient_type_display": "New or returning",
        "preferred_days_display": "Days that suit",
        "preferred_times_display": "Times that suit",
        "about_page": "Sent from the page",
        "compared_procedures": "Procedures compared",
    }
    export_filename = "appointment-requests"
    form_fields = ["status"]
    ordering = ["-created_at"]
    panels = [
        FieldPanel(
            "status",
            help_text="Contacted: you have called or written. Booked: a visit is in the diary.",
        ),
        PatientDetailsPanel(heading="What the patient sent"),
    ]

    def get_index_view_kwargs(self, **kwargs):
        # The places, physicians and pages the list and its exports name, read with the
        # requests, not one query a row. (A ModelViewSet, unlike a SnippetViewSet, has no
        # get_queryset(request): the list's view takes the queryset.)
        queryset = AppointmentRequest.objects.select_related(
            "preferred_location", "preferred_physician", "about_page"
        )
        return super().get_index_view_kwargs(queryset=queryset, **kwargs)


class AppointmentAccessLogViewSet(ModelViewSet):
    model = AppointmentAccessLog
    icon = "list-ul"
    menu_label = "Access log"
    url_prefix = "appointment-access-log"
    name = "appointment_access_log"
    copy_view_enabled = False
    index_view_class = LocalTimeIndexView
    list_display = ["at", "username", Column("description", label="Action"), "request_number"]
    list_filter = ["action", "at"]
    list_export = ["at", "username", "description", "request_number"]
    export_headings = {"description": "Action"}
    export_filename = "appointment-access-log"
    form_fields = []  # never edited: see ReadOnlyPolicy
    list_per_page = 50
    ordering = ["-at", "-pk"]


class AppointmentsViewSetGroup(ViewSetGroup):
    menu_label = "Appointments"
    menu_icon = "calendar"
    menu_order = 150
    items = (AppointmentRequestViewSet, AppointmentAccessLogViewSet)
