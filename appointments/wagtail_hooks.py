from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import AppointmentAccessLog, AppointmentRequest
from .viewsets import AppointmentsViewSetGroup, NoAddPolicy, ReadOnlyPolicy


# Requests come from patients only; the access log is only ever read.
register_permission_policy(AppointmentRequest, NoAddPolicy(AppointmentRequest))
register_permission_policy(AppointmentAccessLog, ReadOnlyPolicy(AppointmentAccessLog))


@hooks.register("register_admin_viewset")
def register_appointment_requests():
    return AppointmentsViewSetGroup()
