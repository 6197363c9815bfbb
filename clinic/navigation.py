"""
Site-wide facts every page shows (the clinic's details and the main menu), cached so that a
page view does not query them. Any change to content makes them stale, in every process
(clinic.caching.content_version).
"""

from django.utils import translation

from wagtail.models import Page

from clinic.caching.content_cache import remember
from clinic.models import ClinicSettings
from clinic.pages.translations import in_language, language_note, language_of_page


def cached_for_site(name, site, build):
    """build(), kept per site and language under the content version (clinic.caching.content_cache)."""
    return remember(name, (site.pk, translation.get_language()), build)


def get_clinic_settings(site):
    return cached_for_site(
        "settings", site, lambda: ClinicSettings.for_site(site).prepare_for_cache()
    )


def get_navigation(site):
    """
    {"home": url, "menu": [{"title", "url", "path"[, "lang", "note"]}...], "sections": {…}}:
    the English home page's live children that are shown in menus, and the index pages by type,
    each in the active language where translated (clinic.pages.translations); the home in that
    language (the English one where a site has no home in it yet).
    """

    def build():
        [home] = in_language([site.root_page])
        navigation = {"home": home.get_url() or "/", "menu": [], "sections": {}}
        children = in_language(
            site.root_page.get_children().live().select_related("content_type"),
            Page.objects.select_related("content_type"),
        )
        for page in children:
            link = {
                "title": page.title,
                "url": page.get_url(),
                "path": page.url_path,
                "language": language_of_page(page),
            }
            # A section not yet translated: the note saying so ("(en inglés)").
            if note := language_note(language_of_page(page)):
                link.update(lang=language_of_page(page), note=note)
            if page.show_in_menus:
                navigation["menu"].append(link)
            navigation["sections"].setdefault(page.content_type.model, link)
        return navigation

    return cached_for_site("navigation", site, build)
