"""
Passkeys through django-otp-webauthn's views, with one rule of the clinic's: a passkey is added
beside a set-up authenticator app (and its recovery codes), never as the only second step.
"""

from django_otp_webauthn import exceptions
from django_otp_webauthn.helpers import WebAuthnHelper
from django_otp_webauthn.views import (
    BeginCredentialAuthenticationView,
    BeginCredentialRegistrationView,
    CompleteCredentialAuthenticationView,
    CompleteCredentialRegistrationView,
)

from django.conf import settings

from .devices import has_second_factor


class PasskeyHelper(WebAuthnHelper):
    def get_allowed_origins(self):
        # The admin's own address (its host already passed ALLOWED_HOSTS), port and all.
        own = f"{self.request.scheme}://{self.request.get_host()}"
        return [*settings.OTP_WEBAUTHN_ALLOWED_ORIGINS, own]


class AppFirst(exceptions.OTPWebAuthnApiError):
    status_code = 403
    default_code = "app_first"
    default_detail = "Set up your authenticator app first; then you can add a passkey."


class AppFirstMixin:
    def check_can_register(self):
        super().check_can_register()
        if not has_second_factor(self.request.user):
            raise AppFirst()


class BeginRegistration(AppFirstMixin, BeginCredentialRegistrationView):
    pass


class CompleteRegistration(AppFirstMixin, CompleteCredentialRegistrationView):
    pass


begin_registration = BeginRegistration.as_view()
complete_registration = CompleteRegistration.as_view()
begin_authentication = BeginCredentialAuthenticationView.as_view()
complete_authentication = CompleteCredentialAuthenticationView.as_view()
