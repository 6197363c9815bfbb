from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from . import passkeys, views


# django-otp-webauthn's scripts find these by its names (the otp_webauthn namespace).
passkey_urls = (
    [
        path(
            "registration/begin/",
            passkeys.begin_registration,
            name="credential-registration-begin",
        ),
        path(
            "registration/complete/",
            passkeys.complete_registration,
            name="credential-registration-complete",
        ),
        path(
            "authentication/begin/",
            passkeys.begin_authentication,
            name="credential-authentication-begin",
        ),
        path(
            "authentication/complete/",
            passkeys.complete_authentication,
            name="credential-authentication-complete",
        ),
        path(
            "jsi18n/",
            JavaScriptCatalog.as_view(packages=["django_otp_webauthn"]),
            name="js-i18n-catalog",
        ),
    ],
    "otp_webauthn",
)

# Under /admin/ (registered through Wagtail's register_admin_urls hook).
urlpatterns = [
    path("two-step/", views.verify, name="second_factor_verify"),
    path("two-step/set-up/", views.set_up, name="second_factor_set_up"),
    path("two-step/recovery-codes/", views.make_recovery_codes, name="second_factor_codes"),
    path("two-step/settings/", views.settings_view, name="second_factor_settings"),
    path(
        "two-step/passkeys/<int:pk>/remove/",
        views.remove_passkey,
        name="second_factor_remove_passkey",
    ),
    path("two-step/passkeys/", include(passkey_urls)),
]
