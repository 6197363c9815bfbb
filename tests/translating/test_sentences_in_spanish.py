"""
Sentences the site builds around a page's title are built for the reader's language: a Spanish
sentence holds a Spanish title; a page not yet translated stands after it, marked as English.
"""

import re

import pytest
from bs4 import BeautifulSoup

from wagtail.models import Locale

from home.models import ContactPage
from procedures.models import ProcedurePage


pytestmark = pytest.mark.django_db


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def words(element):
    return " ".join(element.get_text(" ", strip=True).split())


def sentence(element):
    """The text as read, no space added between elements: a stray space before "." shows."""
    return " ".join(element.get_text().split())


def spanish_url(english_slug):
    english = ProcedurePage.objects.get(slug=english_slug, locale__language_code="en")
    return english.get_translation(english.locale.__class__.objects.get(language_code="es")).url


def test_a_spanish_procedure_names_its_untranslated_broader_procedure_apart_marked_english(
    client,
):
    general = ProcedurePage.objects.get(slug="epidural-steroid-injections")
    general.get_translation(Locale.objects.get(language_code="es")).unpublish()  # not yet Spanish
    page = soup(client, spanish_url("cervical-epidural-injection"))
    note = page.select_one(".related-note")
    assert words(note) == (
        "Es una variante de un procedimiento más general: Epidural steroid injections (en inglés)"
    )
    title = note.select_one("a span[lang=en]")
    assert title.get_text() == "Epidural steroid injections"
    assert "Es un tipo de" not in page.get_text()


def test_a_translated_broader_procedure_is_named_in_spanish(client):
    page = soup(client, spanish_url("cervical-radiofrequency-ablation"))
    note = page.select_one(".related-note")
    spanish_general = ProcedurePage.objects.get(slug="neurotomia-ramo-medial-radiofrecuencia")
    assert sentence(note) == (
        f"Es una variante de un procedimiento más general: {spanish_general.title}."
    )
    assert note.select_one("[lang]") is None
    assert note.a["href"] == spanish_general.url


def test_the_english_sentence_is_unchanged(client):
    english = ProcedurePage.objects.get(slug="cervical-epidural-injection")
    note = soup(client, english.url).select_one(".related-note")
    assert sentence(note) == "This is one form of Epidural steroid injections."


def test_spanish_pages_write_numbers_as_in_the_united_states(client):
    link = soup(client, "/es/su-visita/formularios/").select_one(".patient-form a")
    size = re.search(r"\(PDF, ([\d.,]+) (KB|bytes|MB)\)", words(link))
    assert size, words(link)
    assert "," not in size.group(1)  # "2.5 KB", as US Spanish writes it, not "2,5 KB"


def test_the_footer_names_a_contact_page_not_yet_in_spanish_apart(client):
    spanish = ContactPage.objects.get(locale__language_code="es")
    footer = soup(client, "/es/").select_one("footer")
    assert f"{spanish.title}: teléfono, dirección y mapa" in sentence(footer)

    spanish.unpublish()
    english = ContactPage.objects.get(locale__language_code="en")
    link = soup(client, "/es/").select_one(f"footer a[href='{english.url}']")
    assert sentence(link) == f"Teléfono, dirección y mapa: {english.title} (en inglés)"
    assert link.select_one("span[lang=en]").get_text() == english.title
