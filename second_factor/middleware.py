from urllib.parse import urlencode

from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import reverse

from .devices import has_second_factor, is_required_for


# What a signed-in but not yet verified member of staff may still reach.
OPEN_TO_UNVERIFIED = {
    "second_factor_verify",
    "second_factor_set_up",
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",  # the icons every admin page, these too, loads
    # The passkey, as the second step (it cannot sign anyone in by itself).
    "otp_webauthn:credential-authentication-begin",
    "otp_webauthn:credential-authentication-complete",
    "otp_webauthn:js-i18n-catalog",
}


class SecondFactorMiddleware:
    """
    After the password, the admin asks for the second step: a code from the authenticator app
    for everyone who has set one up, and setting one up first for those the clinic requires it
    of (superusers, and every group that can read appointment requests). Until then, no admin
    page answers, and elsewhere (private pages and documents) the session counts as signed
    out. Needs django-otp's OTPMiddleware before it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if not request.path.startswith("/admin/"):
            # Outside the admin (pages and documents for signed-in staff only), a session that
            # owes the second step counts as signed out: the sign-in then asks for the step.
            if has_second_factor(user) or is_required_for(user):
                request.user = AnonymousUser()
            return None
        if request.resolver_match.view_name in OPEN_TO_UNVERIFIED:
            return None
        if has_second_factor(user):
            step = "second_factor_verify"
        elif is_required_for(user):
            step = "second_factor_set_up"
        else:
            return None
        return redirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")
