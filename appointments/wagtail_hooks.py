from django.db.models import Min
from django.urls import reverse

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.permissions import register_permission_policy

from .models import AppointmentAccessLog, AppointmentRequest
from .viewsets import AppointmentsViewSetGroup, NoAddPolicy, ReadOnlyPolicy


# Requests come from patients only; the access log is only ever read.
register_permission_policy(AppointmentRequest, NoAddPolicy(AppointmentRequest))
register_permission_policy(AppointmentAccessLog, ReadOnlyPolicy(AppointmentAccessLog))


@hooks.register("register_admin_viewset")
def register_appointment_requests():
    return AppointmentsViewSetGroup()


class NewRequestsPanel(Component):
    """How many requests wait for a call back, first on the front desk's dashboard."""

    name = "new_appointment_requests"
    order = 50
    template_name = "appointments/admin/new_requests_panel.html"

    def get_context_data(self, parent_context):
        waiting = AppointmentRequest.objects.filter(status=AppointmentRequest.Status.NEW)
        return {
            "count": waiting.count(),
            "oldest": waiting.aggregate(oldest=Min("created_at"))["oldest"],
            "list_url": reverse("appointment_requests:index") + "?status=new",
        }


@hooks.register("construct_homepage_panels")
def add_new_requests_panel(request, panels):
    if request.user.has_perm("appointments.view_appointmentrequest"):
        panels.append(NewRequestsPanel())
