"""
On the Spanish site, whatever is still in English says so: a link to an English page reads
“(en inglés)” where a sighted reader sees it, an English title is marked lang="en" for screen
readers, and no English title sits unmarked inside a Spanish sentence. An English page with no
Spanish version says so at its top, in Spanish.
"""

import re

import pytest
from bs4 import BeautifulSoup

from wagtail.models import Page

from locations.models import LocationPage
from physicians.models import PhysicianPage
from tests.translating.spanish_site import links_to_english_pages, spanish_pages, visible_text


pytestmark = pytest.mark.django_db

NOTE = "(en inglés)"


def announces_its_language(link):
    """The language switcher (“English”) and “Lea la página original en inglés” say it all."""
    text = visible_text(link).lower()
    return link.get("hreflang") == "en" and ("inglés" in text or text == "english")


def test_every_link_to_an_english_page_says_en_ingles(client):
    unmarked = []
    checked = 0
    for address, page in spanish_pages(client).items():
        for link in links_to_english_pages(page, address):
            checked += 1
            if NOTE not in visible_text(link) and not announces_its_language(link):
                unmarked.append(f"{address}: {visible_text(link)!r} -> {link['href']}")
    assert unmarked == []
    assert checked > 50  # cards, lists, the menu, search results, links inside the text


def english_titles():
    """The titles of the demo's English pages that a Spanish page could show, longest first."""
    spanish = set(
        Page.objects.live().filter(locale__language_code="es").values_list("title", flat=True)
    )
    names = {
        page.pk
        for model in (PhysicianPage, LocationPage)  # people and towns: the same in Spanish
        for page in model.objects.all()
    }
    english = Page.objects.live().filter(locale__language_code="en", depth__gt=2)
    titles = {
        page.title
        for page in english
        if page.pk not in names and page.title not in spanish and len(page.title) > 3
    }
    return sorted(titles, key=len, reverse=True)


def spanish_text(page):
    """The page's words, without what is marked as another language than Spanish."""
    page = BeautifulSoup(str(page), "html.parser")
    for other in page.select("[lang]:not([lang^=es]), script, style, template, head"):
        other.decompose()
    # One line per piece of text, so that two neighbours ("…nervio occipital" and "Neuralgia
    # occipital") never read as one English title across them.
    return "\n".join(" ".join(line.split()) for line in page.get_text("\n").splitlines())


def test_no_english_title_sits_unmarked_in_spanish_text(client):
    titles = english_titles()
    assert len(titles) > 30
    patterns = {
        title: re.compile(rf"(?<!\w){re.escape(title)}(?!\w)", re.IGNORECASE) for title in titles
    }
    mixed = []
    for address, page in spanish_pages(client).items():
        text = spanish_text(page)
        for title, pattern in patterns.items():
            if pattern.search(text):
                mixed.append(f"{address}: {title}")
    assert mixed == []


def test_an_english_title_in_a_spanish_link_is_marked_english(client):
    titles = set(english_titles())
    unmarked = []
    for address, page in spanish_pages(client).items():
        for link in links_to_english_pages(page, address):
            shown = visible_text(link).removesuffix(NOTE).strip()
            marked = {element.get_text(strip=True) for element in link.select('[lang="en"]')}
            if shown in titles and shown not in marked:
                unmarked.append(f"{address}: {shown}")
    assert unmarked == []


def test_an_english_page_not_yet_in_spanish_says_so_in_spanish(client):
    english = Page.objects.live().filter(locale__language_code="en", depth__gt=2)
    untranslated = next(
        page
        for page in english.specific()
        if not page.get_translations().live().filter(locale__language_code="es").exists()
    )
    response = client.get(untranslated.url)
    note = BeautifulSoup(response.content, "html.parser").select_one(".language-bar__note")
    assert note["lang"] == "es"
    assert note.get_text() == "Esta página aún no está en español."
    assert note.find_next_sibling("a")["href"] == "/es/"
    # A page that is in Spanish offers its Spanish version instead.
    response = client.get("/procedures/lumbar-facet-injection/")
    page = BeautifulSoup(response.content, "html.parser")
    assert page.select_one(".language-bar__note") is None
    assert page.select_one(".language-bar a")["href"] == (
        "/es/procedimientos/inyeccion-facetaria-lumbar/"
    )
