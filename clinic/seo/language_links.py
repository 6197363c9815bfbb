"""
The links between a page's versions in each language: the header's language switcher
(`meta.other_languages`) and the hreflang alternates search engines read (`meta.alternates`).
clinic.pages.translations finds the versions; clinic.seo.meta calls this for every page.
"""

from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext

from wagtail.models import Site

from clinic.i18n import DEFAULT_LANGUAGE, LANGUAGE_NAMES
from clinic.navigation import cached_for_site
from clinic.pages.translations import language_homes, page_versions


def add_languages(meta, context):
    """The switcher's links and the hreflang alternates (clinic.pages.translations finds them)."""
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        return
    homes = cached_for_site("homes", site, lambda: language_homes(site))
    if len(homes) < 2:
        return  # a site in one language: nothing to switch to
    page = context.get("page")
    match = getattr(request, "resolver_match", None)
    if page is not None and getattr(page, "pk", None):
        kept = getattr(page, "kept", None)
        versions = (
            kept(request, "languages", lambda: page_versions(page)) if kept else page_versions(page)
        )
        # A routable page's own address (a body region's list): the same below each version.
        here = page.get_url(request)
        tail = request.path[len(here) :] if here and request.path.startswith(here) else ""
        versions = {code: url + tail for code, url in versions.items()}
    elif match is not None and match.url_name != "wagtail_serve":
        # The search page, the appointment request: the same view under each prefix.
        versions = {code: translate_url(request.path, code) for code in homes}
    else:
        versions = {}  # a page not found: its other-language homes
    language = translation.get_language()
    meta.other_languages = [
        {
            "code": code,
            "name": LANGUAGE_NAMES[code],
            "url": versions.get(code) or home,
            "translated": code in versions,
            "not_yet": not_yet_in(code) if versions and code not in versions else "",
        }
        for code, home in homes.items()
        if code != language
    ]
    if len(versions) > 1 and not meta.noindex:
        meta.alternates = [(code, meta.absolute(url)) for code, url in versions.items()]
        if DEFAULT_LANGUAGE in versions:
            meta.alternates.append(("x-default", meta.absolute(versions[DEFAULT_LANGUAGE])))


def not_yet_in(language):
    """
    “Esta página aún no está en español.”: said, in that language, on a page with no version
    in it (a Spanish reader who followed a link marked “(en inglés)”, or came from a search
    engine, learns why the page is in English and that the switcher leads to the Spanish home).
    Shown whoever reads the page: pages are cached by address, and the line is short.
    """
    with translation.override(language):
        # Translators: said in your language on a page not translated into it.
        return gettext("This page is not in English yet.")
