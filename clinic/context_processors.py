from django.utils.functional import SimpleLazyObject

from wagtail.models import Site

from clinic.navigation import get_clinic_settings, get_navigation


def clinic(request):
    """The clinic's details and the main menu, for the header and footer of every page."""

    def site():
        return Site.find_for_request(request)

    def clinic_settings():
        found = site()
        return get_clinic_settings(found) if found else None

    def navigation():
        found = site()
        return get_navigation(found) if found else {"home": "/", "menu": [], "sections": {}}

    return {
        "clinic_settings": SimpleLazyObject(clinic_settings),
        "navigation": SimpleLazyObject(navigation),
    }
