"""
Pages in the reader's language.

The English pages are the site's whole content; a Spanish page is a translation of one of them
(wagtail-localize keeps the two under one translation key). Lists (a section's pages, a body
region's, the latest news, the search's vocabulary) and relations between pages (the conditions
a procedure treats, the physicians who perform it) are built from the English pages, and a reader
of Spanish gets each one in Spanish where it has been translated, in English otherwise
(`in_language`, `each_in_language`): the clinic offers every procedure whether or not its page has been
translated yet, and a relation is kept once, on the English page.
"""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page

from clinic.caching.content_cache import version_holder
from clinic.i18n import DEFAULT_LANGUAGE


def locale_ids():
    """{language code: Locale id}, read once per content version (no query per page view)."""
    holder = version_holder()
    ids = getattr(holder, "locale_ids", None)
    if ids is None:
        ids = dict(Locale.objects.values_list("language_code", "pk"))
        if holder is not None:
            holder.locale_ids = ids
    return ids


def language_of_page(page):
    """The language code of a page's locale, without a query ("" for anything else)."""
    locale_id = getattr(page, "locale_id", None)
    if locale_id is None:
        return ""
    return next((code for code, pk in locale_ids().items() if pk == locale_id), "")


# What follows a page's title where the reader's language is another (WCAG 3.1.2: say where a
# link leads to a page the reader may not read).
IN_LANGUAGE = {"en": _("(in English)"), "es": _("(in Spanish)")}


def language_note(language):
    """“(en inglés)” for a page in `language` shown to a reader of another, "" otherwise."""
    if not language or language == translation.get_language():
        return ""
    return str(IN_LANGUAGE.get(language, ""))


def default_locale_id():
    return locale_ids().get(DEFAULT_LANGUAGE)


def active_locale_id():
    ids = locale_ids()
    return ids.get(translation.get_language(), ids.get(DEFAULT_LANGUAGE))


def in_language(pages, queryset=None, *, keep_positions=False):
    """
    The pages as a reader of the active language should see them: each replaced by its live
    translation where there is one, kept as it is otherwise, and each once (a relation reaches
    a translated page twice, through the English page and through its translation). One query
    (from `queryset`, for its select_related and prefetches), none when the pages are in that
    language already. `keep_positions` keeps one page out for each page in, repeats included,
    for callers that zip the two.
    """
    pages = list(pages)
    locale_id = active_locale_id()
    wanted = {page.translation_key for page in pages if page.locale_id != locale_id}
    if wanted:
        if queryset is None:
            queryset = type_of(pages).objects.all()
        translations = {
            found.translation_key: found
            for found in queryset.live().filter(translation_key__in=wanted, locale_id=locale_id)
        }
        pages = [translations.get(page.translation_key, page) for page in pages]
    return pages if keep_positions else once_each(pages)


def once_each(pages):
    """The pages without a second version of one (the first found is kept, in its place)."""
    seen = set()
    kept = []
    for page in pages:
        if page.translation_key not in seen:
            seen.add(page.translation_key)
            kept.append(page)
    return kept


def each_in_language(queryset, limit=None, translations=None):
    """
    A list of pages for the active language: the queryset's English pages (in its order, the
    first `limit` of them), each in the reader's language where translated (found with
    `translations`, a queryset of the same model with its select_related and prefetches).
    """
    english = queryset.filter(locale_id=default_locale_id())
    pages = list(english[:limit] if limit else english)
    return in_language(pages, translations)


def source_of(page):
    """The English page a translation was made from (the page itself when it is English)."""
    default_id = default_locale_id()
    if page.locale_id == default_id:
        return page
    return page.get_translations().filter(locale_id=default_id).specific().first() or page


def type_of(pages):
    """The most specific model all the pages share (Page when they differ)."""
    models = {type(page) for page in pages}
    return models.pop() if len(models) == 1 else Page


def language_homes(site):
    """{language code: the URL of the site's live home page in it}: the languages the site is in."""
    homes = site.root_page.get_translations(inclusive=True).live().select_related("locale")
    return {home.locale.language_code: home.get_url() for home in homes}


def page_versions(page):
    """{language code: URL} of the page's live versions, itself included."""
    versions = page.get_translations(inclusive=True).live().select_related("locale")
    return {version.locale.language_code: version.get_url() for version in versions}
