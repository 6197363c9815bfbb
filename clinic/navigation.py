"""
Site-wide facts every page shows (the clinic's details and the main menu), cached so that a
page view does not query them. Publishing, moving or deleting a page, or saving the clinic's
details, clears the cache (see clinic.signal_handlers).
"""

from django.core.cache import cache

from wagtail.models import Site


CACHE_TIMEOUT = 60 * 60


def _key(name, site_id):
    return f"clinic:{name}:{site_id}"


def get_clinic_settings(site):
    from clinic.models import ClinicSettings

    key = _key("settings", site.pk)
    clinic_settings = cache.get(key)
    if clinic_settings is None:
        clinic_settings = ClinicSettings.for_site(site)
        cache.set(key, clinic_settings, CACHE_TIMEOUT)
    return clinic_settings


def get_navigation(site):
    """
    {"menu": [{"title", "url", "path"}...], "sections": {"procedureindexpage": {...}, ...}}:
    the home page's live children that are shown in menus, and the index pages by type.
    """
    key = _key("navigation", site.pk)
    navigation = cache.get(key)
    if navigation is None:
        navigation = {"menu": [], "sections": {}}
        children = site.root_page.get_children().live().select_related("content_type")
        for page in children:
            link = {"title": page.title, "url": page.get_url(), "path": page.url_path}
            if page.show_in_menus:
                navigation["menu"].append(link)
            navigation["sections"].setdefault(page.content_type.model, link)
        cache.set(key, navigation, CACHE_TIMEOUT)
    return navigation


def clear_site_cache():
    for site_id in Site.objects.values_list("pk", flat=True):
        cache.delete_many([_key("settings", site_id), _key("navigation", site_id)])
