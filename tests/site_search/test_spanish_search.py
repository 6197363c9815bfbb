"""
Search in Spanish at /es/search/: Spanish word forms and small words, accents optional, Spanish
synonyms, and the English pages not yet translated after the Spanish ones, marked as English.
"""

import pytest
from bs4 import BeautifulSoup

from conditions.models import ConditionPage


pytestmark = pytest.mark.django_db


def results(client, query, path="/es/search/"):
    response = client.get(path, {"q": query})
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    return [title_and_language(item) for item in page.select(".search-result")], page


def title_and_language(result):
    """(title, "en" for an English page's title, which says “(en inglés)”, or None)."""
    link = result.select_one(".search-result__title a")
    marked = link.select_one("[lang]")
    if marked is None:
        return link.get_text(strip=True), None
    assert link.get_text(" ", strip=True) == f"{marked.get_text(strip=True)} (en inglés)"
    return marked.get_text(strip=True), marked["lang"]


def titles(found):
    return [title for title, _ in found]


def spanish_page_taken_down(slug):
    """Unpublish the Spanish translation of an English condition page: it is English-only again."""
    english = ConditionPage.objects.get(slug=slug)
    english.get_translations().get(locale__language_code="es").specific.unpublish()
    return english


def test_spanish_word_forms_find_the_spanish_pages(client):
    # "articulaciones" and "inyecciones" are the plural of the titles' words; with English
    # word forms neither would find the titles in the singular.
    found, _ = results(client, "articulaciones")
    assert {
        "Dolor de la articulación sacroilíaca",
        "Inyección en la articulación sacroilíaca",
        "Inyección en la articulación de la cadera guiada por ultrasonido",
        "Fusión percutánea de la articulación sacroilíaca",
    } <= set(titles(found)[:6])
    assert all(lang is None for _, lang in found)  # all in Spanish
    found, _ = results(client, "inyecciones")
    assert {
        "Inyección en la articulación sacroilíaca",
        "Inyección facetaria lumbar",
        "Inyección epidural cervical",
    } <= set(titles(found)[:5])
    assert all(lang is None for _, lang in found)


def test_accents_are_optional(client):
    with_accents, _ = results(client, "inyección epidural")
    without, _ = results(client, "inyeccion epidural")
    assert titles(with_accents)[0] == titles(without)[0] == "Inyecciones epidurales de esteroides"
    assert titles(with_accents)[1] == "Inyección epidural cervical"
    assert titles(with_accents) == titles(without)


def test_spanish_synonyms_lead_to_spanish_pages_then_english_ones(client):
    found, _ = results(client, "dolor de espalda")
    assert found[0] == ("Dolor de cuello y de espalda", None)
    assert "Inyección facetaria lumbar" in titles(found)  # "la parte baja de la espalda"
    assert all(lang is None for _, lang in found)  # every page is in Spanish
    # An English page without its Spanish one comes after the Spanish pages, marked.
    spanish_page_taken_down("sciatica")
    found, page = results(client, "ciática")
    spanish = [title for title, lang in found if lang is None]
    english = [title for title, lang in found if lang == "en"]
    assert "Hernia de disco" in spanish
    assert english == ["Sciatica"]  # from the synonym "ciática" -> "sciatica"
    # Every Spanish page comes before every English one, and English ones say so.
    assert [lang for _, lang in found] == sorted((lang for _, lang in found), key=bool)
    first_english = next(
        item for item in page.select(".search-result") if item.select_one("[lang=en]")
    )
    assert (
        first_english.select_one(".search-result__title")
        .get_text(strip=True)
        .endswith("(en inglés)")
    )
    assert results(client, "ciatica")[0] == found  # without its accent too


def test_ciatica_finds_the_spanish_sciatica_page(client):
    for query in ("ciática", "ciatica"):
        found, _ = results(client, query)
        assert found[0] == ("Ciática", None)


def test_an_english_search_never_shows_spanish_pages_or_uses_spanish_words(client):
    found, _ = results(client, "inyecciones", path="/search/")
    assert found == []
    found, _ = results(client, "epidural injection", path="/search/")
    assert all(lang is None for _, lang in found)
    assert "Inyección epidural cervical" not in titles(found)


def test_spanish_suggestions_offer_spanish_pages_then_english_ones(client):
    response = client.get("/es/search/suggest/", {"q": "inyec"})
    suggested = [item["title"] for item in response.json()["results"]]
    assert suggested[0].lower().startswith("inyec")  # "Inyección…" or "Inyecciones…"
    # Spanish pages first (their order among themselves is the search engine's).
    urls = [item["url"] for item in response.json()["results"]]
    assert len(suggested) >= 2 and all(url.startswith("/es/") for url in urls[:2])
    assert all(title.lower().startswith("inyec") for title in suggested[:2])
    response = client.get("/es/search/suggest/", {"q": "ciát"})
    assert [item["url"] for item in response.json()["results"]] == ["/es/afecciones/ciatica/"]
    spanish_page_taken_down("sciatica")
    response = client.get("/es/search/suggest/", {"q": "sciat"})
    assert [item["url"] for item in response.json()["results"]] == ["/conditions/sciatica/"]
