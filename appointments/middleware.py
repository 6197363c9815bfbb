"""
The front desk sees patients' requests and nothing else of the admin: a member of staff whose
only role is the front desk reaches the dashboard, the requests, their own account and the
sign-in steps; every other admin address (the translation reports, the admin API's listings of
pages, images and documents, the page explorer) answers as Wagtail does to a screen one may not
open.
"""

from wagtail.admin.auth import permission_denied

from .models import FRONT_DESK


OPEN_TO_THE_FRONT_DESK = {
    "wagtailadmin_home",
    "wagtailadmin_account",
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_dismissibles",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
}
OPEN_NAMESPACES = {"appointment_requests", "otp_webauthn"}
OPEN_PREFIXES = ("wagtailadmin_password_reset", "second_factor_")


def open_to_the_front_desk(match):
    if match is None:
        return True  # no such address: the 404 answers
    return (
        match.url_name in OPEN_TO_THE_FRONT_DESK
        or bool(OPEN_NAMESPACES.intersection(match.namespaces))
        or (match.url_name or "").startswith(OPEN_PREFIXES)
    )


class FrontDeskOnlyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path.startswith("/admin/"):
            return None
        user = request.user
        if not user.is_authenticated or user.is_superuser:
            return None
        if open_to_the_front_desk(request.resolver_match):
            return None
        if set(user.groups.values_list("name", flat=True)) != {FRONT_DESK}:
            return None
        return permission_denied(request)
