"""System checks for settings read from the environment."""

from django.conf import settings
from django.core.checks import Error, register

from clinic.operations import site_address


@register()
def site_url_is_an_origin(app_configs, **kwargs):
    if not settings.SITE_URL:
        return []
    try:
        site_address.parse(settings.SITE_URL)
    except ValueError as error:
        return [Error(str(error), hint="e.g. SITE_URL=https://clinic.example", id="clinic.E001")]
    return []
