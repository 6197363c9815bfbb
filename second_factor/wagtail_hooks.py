from django.urls import include, path, reverse

from wagtail import hooks

from . import urls


@hooks.register("register_admin_urls")
def register_second_factor_urls():
    return [path("", include(urls))]


@hooks.register("register_account_menu_item")
def two_step_verification_item(request):
    return {
        "url": reverse("second_factor_settings"),
        "label": "Two-step verification",
        "help_text": "Your authenticator app and recovery codes, asked for after your password.",
    }
