import re

from django import template
from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import escape, format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from clinic.i18n import DEFAULT_LANGUAGE
from clinic.models.contact import format_time, tel_href
from clinic.pages.translations import language_note as note_for_language
from clinic.pages.translations import language_of_page
from clinic.seo import meta


register = template.Library()


@register.simple_tag(takes_context=True)
def page_meta(context):
    """Title, description, canonical address, sharing image and breadcrumbs of the page."""
    return meta.page_meta(context)


@register.simple_tag(takes_context=True)
def json_ld(context):
    """The page's schema.org graph, for a <script type="application/ld+json">."""
    return meta.json_ld(meta.build_graph(context))


@register.filter
def initials(name):
    """“Faisal A. Chaudhry” -> “FC”: the first letters of the first and last words."""
    words = [word for word in str(name).replace(",", " ").split() if word[:1].isalpha()]
    if not words:
        return ""
    if len(words) == 1:
        return words[0][0].upper()
    return (words[0][0] + words[-1][0]).upper()


@register.simple_tag(takes_context=True)
def is_current_section(context, link):
    """True when the page being shown is the menu link's page or below it."""
    page = context.get("page")
    path = getattr(page, "url_path", None)
    return bool(path and link.get("path") and path.startswith(link["path"]))


@register.filter
def has_text(rich_text):
    """False for rich text that holds no words, such as the editor's empty “<p></p>”."""
    return bool(strip_tags(str(rich_text or "")).strip())


@register.filter
def first_sentence(text):
    """The first sentence of a summary, for short listings: “A split in the disc's outer ring.”"""
    text = " ".join(str(text or "").split())
    match = re.search(r"[.!?](?=\s+[A-Z])", text)
    return text[: match.end()] if match else text


@register.filter
def letter_bar(a_to_z):
    """Every letter A to Z (and "#" if used) with whether the A to Z has entries under it."""
    used = {letter for letter, _ in a_to_z}
    letters = [chr(code) for code in range(ord("A"), ord("Z") + 1)]
    extra = sorted(used - set(letters))
    return [(letter, letter in used) for letter in letters + extra]


@register.filter
def lang_of(page):
    """
    ` lang="en"` for a page shown in a list of another language (a procedure not yet
    translated, listed on a Spanish page), so screen readers pronounce it right (WCAG 3.1.2).
    """
    language = page_language(page)
    if language and language != translation.get_language():
        return format_html(' lang="{}"', language)
    return ""


@register.filter
def wording(value):
    """
    A clinic.i18n.Wording as HTML: an English fallback on a Spanish page in its own
    <span lang="en">, followed by “(en inglés)” outside it (WCAG 3.1.2); plain text otherwise.
    """
    language = getattr(value, "language", "")
    if not language or language == translation.get_language():
        return str(value)
    return format_html(
        '<span lang="{}">{}</span> {}', language, str(value), note_for_language(language)
    )


@register.filter
def in_language_of(text, page):
    """
    The text, in a <span lang="en"> where it comes from a page in another language than the
    reader's (an English title in a Spanish list), so screen readers pronounce it right.
    """
    language = lang_of(page)
    return format_html("<span{}>{}</span>", language, text) if language else text


@register.filter
def language_note(page):
    """
    “ (en inglés)” after the title of a link to a page in another language than the reader's,
    inside the link so that a screen reader's list of links says it too; "" otherwise.
    """
    return language_note_for(page_language(page))


@register.filter
def labelled(title, page):
    """
    A page's title as a link or card shows it: on a page in another language than the
    reader's, in a <span lang="en"> followed by “ (en inglés)” (in the same style as the
    title: a fact the reader needs before following the link, not a warning). Every card,
    list and menu on the site shows another page's title through this filter.
    """
    return format_html("{}{}", in_language_of(title, page), language_note(page))


# A link in rich text to a page of the site: its address says its language ("/es/…" Spanish,
# unprefixed English), whether an editor chose the page or typed the address.
SITE_LINK = re.compile(r'(<a\s[^>]*\bhref="(/(?!/)[^"#?]*)[^"]*"[^>]*>.*?)(</a>)', re.DOTALL)
# Files, not pages: in no language.
NOT_PAGES = ("/documents/", "/media/", "/static/")


@register.filter
def links_labelled(html):
    """
    Rich text with “ (en inglés)” inside each link to a page in another language than the
    reader's (a Spanish procedure's text linking to a procedure not yet translated).
    """

    def labelled_link(link):
        path = link[2]
        if path.startswith(NOT_PAGES):
            return link[0]
        language = translation.get_language_from_path(path) or DEFAULT_LANGUAGE
        return f"{link[1]}{escape(language_note_for(language))}{link[3]}"

    return mark_safe(SITE_LINK.sub(labelled_link, str(html)))  # noqa: S308 - escaped note


def language_note_for(language):
    note = note_for_language(language)
    return f" {note}" if note else ""


def page_language(page):
    """The language of a page, or of a menu link (a dict with its page's "language")."""
    if isinstance(page, dict):
        return page.get("language", "")
    return language_of_page(page)


@register.filter
def weekday_date(value):
    """A date with its weekday, in the reader's language: “Thursday, December 24”."""
    # Translators: a date format (Django's date filter): weekday, month and day.
    return date_format(value, gettext("l, F j")) if value else ""


@register.filter
def clock(value):
    """A time as patients read it: “8 am”, “5:30 pm”, “noon”."""
    return format_time(value) if value else ""


@register.filter
def tel(phone):
    """A phone number as a tel: link target."""
    return tel_href(phone)


@register.filter
def from_here(url, here):
    """
    `url` relative to the page at `here` when it lies below it ("/procedures/x/" from
    "/procedures/" is "x/"), else unchanged: long lists of a section's own pages repeat no
    path (the procedure list is 2 KB lighter).
    """
    if here and here.endswith("/") and url and url.startswith(here) and url != here:
        return url[len(here) :]
    return url
