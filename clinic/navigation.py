"""
Site-wide facts every page shows (the clinic's details and the main menu), cached so that a
page view does not query them. Publishing, moving or deleting a page, or saving the clinic's
details, clears the cache (see clinic.signal_handlers).
"""

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from wagtail.models import Page, Site

from .models import ClinicSettings
from .translations import in_language


CACHE_TIMEOUT = 60 * 60


def _key(name, site_id, language):
    return f"clinic:{name}:{site_id}:{language}"


# Everything cached per site, all cleared together.
CACHED = ("settings", "navigation", "homes", "schema-clinic", "schema-clinic-full")


def cached_for_site(name, site, build):
    """
    build(), cached per site and language until clear_site_cache(). `name` must be listed in
    CACHED.
    """
    key = _key(name, site.pk, translation.get_language())
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, CACHE_TIMEOUT)
    return value


def get_clinic_settings(site):
    return cached_for_site(
        "settings", site, lambda: ClinicSettings.for_site(site).prepare_for_cache()
    )


def get_navigation(site):
    """
    {"home": url, "menu": [{"title", "url", "path"}...], "sections": {"procedureindexpage": …},
    "patient_pages": [{"key", "title", "url"}...]}:
    the English home page's live children that are shown in menus, and the index pages by type,
    each in the active language where translated (clinic.translations); the home in that
    language (the English one where a site has no home in it yet); the pages for new patients
    chosen in the clinic's details (clinic.models.patient_pages).
    """

    def build():
        home = site.root_page.localized
        navigation = {
            "home": home.get_url() or "/",
            "menu": [],
            "sections": {},
            "patient_pages": ClinicSettings.for_site(site).patient_page_links(),
        }
        navigation["first_visit"] = next(
            (link for link in navigation["patient_pages"] if link["key"] == "first_visit"), None
        )
        children = in_language(
            site.root_page.get_children().live().select_related("content_type"),
            Page.objects.select_related("content_type"),
        )
        for page in children:
            link = {"title": page.title, "url": page.get_url(), "path": page.url_path}
            if page.show_in_menus:
                navigation["menu"].append(link)
            navigation["sections"].setdefault(page.content_type.model, link)
        return navigation

    return cached_for_site("navigation", site, build)


def clear_site_cache():
    for site_id in Site.objects.values_list("pk", flat=True):
        cache.delete_many(
            [
                _key(name, site_id, language)
                for name in CACHED
                for language, _name in settings.LANGUAGES
            ]
        )
