"""
The site's languages: English at / and Spanish under /es/. The address alone decides the
language of a page (never the browser's Accept-Language or a cookie), so one address always
gives the same page: caches, search engines and shared links can rely on it.

Pages are translated in the admin (wagtail-localize); clinic.pages.translations finds them. Nothing
here touches the database: the page cache and the request log use it before Django's apps load.
"""

from typing import NamedTuple

from django.conf import settings
from django.utils import translation


DEFAULT_LANGUAGE = settings.LANGUAGE_CODE
# Where the clinic is: language tags for search engines and social media say "es-US", "en_US".
COUNTRY = "US"
LANGUAGE_NAMES = dict(settings.LANGUAGES)
# Address prefixes of the languages, "" for the default one: ("", "/es").
LANGUAGE_PREFIXES = tuple(
    "" if code == DEFAULT_LANGUAGE else f"/{code}" for code, _name in settings.LANGUAGES
)


def prefixed(*paths):
    """The paths under every language's prefix: ("/appointments/",) -> ("/appointments/", "/es/appointments/")."""
    return tuple(prefix + path for path in paths for prefix in LANGUAGE_PREFIXES)


def language_of_path(path):
    """The language an address is in: the first segment when it names one, else the default."""
    first = path.lstrip("/").split("/", 1)[0]
    if first != DEFAULT_LANGUAGE and first in LANGUAGE_NAMES:
        return first
    return DEFAULT_LANGUAGE


class PathLanguageMiddleware:
    """
    Activates the address's language before the URL is resolved (i18n_patterns matches only
    the active language's prefix). Django's LocaleMiddleware would also read the browser's
    Accept-Language on English addresses and say so in Vary, splitting every cache for nothing.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = language_of_path(request.path_info)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


def in_reader_language(obj, name):
    """
    A text field of `obj` as the reader's language has it: its "<name>_<language>" twin (e.g.
    `emergency_notice_es` on Spanish pages) where that is filled in, else the English field.
    """
    language = translation.get_language()
    if language != DEFAULT_LANGUAGE:
        twin = getattr(obj, f"{name}_{language}", "")
        if twin:
            return twin
    return getattr(obj, name)


class Wording(NamedTuple):
    """A text and the language it is in, "" when that is the reader's (nothing to mark)."""

    text: str
    language: str = ""

    def __str__(self):
        return self.text


def wording_in_reader_language(obj, name):
    """
    in_reader_language(obj, name) with its language: a list item site admins name in English
    and, optionally, in Spanish (an insurance plan) falls back to the English, marked as such.
    """
    language = translation.get_language()
    if language == DEFAULT_LANGUAGE:
        return Wording(getattr(obj, name))
    twin = getattr(obj, f"{name}_{language}", "")
    return Wording(twin) if twin else Wording(getattr(obj, name), DEFAULT_LANGUAGE)
