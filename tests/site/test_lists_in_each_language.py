"""
The lists of the site in English and in Spanish: a Spanish list shows every procedure, in Spanish
where translated and marked English where not; English lists and search never show Spanish
pages, so English readers see nothing change.
"""

from urllib.parse import urljoin

import pytest

from procedures.models import ProcedurePage
from tests.pages import soup, texts

from .cervical_epidural import SPANISH


pytestmark = pytest.mark.django_db


def test_spanish_lists_show_every_procedure_each_in_spanish_where_translated(
    client, spanish, kyphoplasty_not_yet_in_spanish
):
    page = soup(client.get("/es/procedimientos/"))
    entries = page.select(".a-to-z__list > li:not(.a-to-z__alias) > a")
    names = [title_of(entry) for entry in entries]
    english_count = ProcedurePage.objects.filter(locale__language_code="en").count()
    assert len(names) == english_count == 32
    assert "Inyección epidural cervical" in names
    assert "Cervical epidural injection" not in names
    # The list links relative to itself.
    hrefs = {title_of(entry): urljoin("/es/procedimientos/", entry["href"]) for entry in entries}
    assert hrefs["Inyección epidural cervical"] == (SPANISH)
    assert hrefs["Kyphoplasty"] == "/procedures/kyphoplasty/"


def test_english_lists_and_search_never_show_spanish_pages(client, spanish):
    page = soup(client.get("/procedures/"))
    names = texts(page.select(".a-to-z__list > li:not(.a-to-z__alias) > a"))
    assert len(names) == 32
    assert "Inyección epidural cervical" not in names
    results = soup(client.get("/search/?q=epidural"))
    assert "/es/" not in " ".join(link["href"] for link in results.select("main a[href]"))
    spanish_results = soup(client.get("/es/search/?q=epidural"))
    assert SPANISH in [link["href"] for link in spanish_results.select("main a[href]")]


def test_english_titles_on_a_spanish_page_are_marked_english(
    client, spanish, kyphoplasty_not_yet_in_spanish
):
    page = soup(client.get("/es/procedimientos/"))
    entries = {
        title_of(entry): entry
        for entry in page.select(".a-to-z__list > li:not(.a-to-z__alias) > a")
    }
    kyphoplasty = entries["Kyphoplasty"]
    # Read by a screen reader in English (WCAG 3.1.2), and the link says where it leads.
    assert kyphoplasty.select_one("[lang=en]").get_text() == "Kyphoplasty"
    assert kyphoplasty.get_text() == "Kyphoplasty (en inglés)"
    # A page in the page's own language needs neither.
    cervical = entries["Inyección epidural cervical"]
    assert cervical.select_one("[lang]") is None
    assert cervical.get_text() == "Inyección epidural cervical"
    # "Other name: see Title" of an English page: the name and the title both marked.
    alias = next(
        entry
        for entry in page.select(".a-to-z__alias")
        if entry.get_text().startswith("Balloon kyphoplasty")
    )
    assert texts(alias.select("[lang=en]")) == ["Balloon kyphoplasty", "Kyphoplasty"]
    assert "(en inglés)" in alias.a.get_text()


def title_of(link):
    """A list entry's title, without the “(en inglés)” after an English page's."""
    return link.get_text(strip=True).removesuffix("(en inglés)").strip()
