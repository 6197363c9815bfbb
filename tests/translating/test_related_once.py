"""
A page related to another shows once, in the reader's language: a translated procedure is
reached both through its English page and through its translation, and used to show twice.
"""

import pytest

from wagtail.models import Locale

from conditions.models import ConditionPage
from procedures.models import ProcedurePage
from tests.pages import get_page


pytestmark = pytest.mark.django_db


def card_links(page, heading_id):
    section = page.find(id=heading_id).find_parent("section")
    return [link["href"] for link in section.select(".card__title a")]


def spanish_version(page):
    """The page's live Spanish translation, made and published here if the demo has none."""
    spanish = page.get_translations().filter(locale__language_code="es", live=True).first()
    if spanish is None:
        spanish = page.copy_for_translation(Locale.objects.get(language_code="es"), True)
        spanish.save_revision().publish()
    return spanish.specific


def test_a_translated_procedure_that_may_help_shows_once_in_each_language(client):
    english = ConditionPage.objects.get(slug="neck-and-back-pain", locale__language_code="en")
    translated = ProcedurePage.objects.get(slug="inyeccion-facetaria-lumbar")
    in_english = card_links(get_page(client, english.url), "procedures-heading")
    assert in_english.count("/procedures/lumbar-facet-injection/") == 1
    assert len(in_english) == len(set(in_english))

    in_spanish = card_links(get_page(client, spanish_version(english).url), "procedures-heading")
    assert in_spanish.count(translated.url) == 1
    assert "/procedures/lumbar-facet-injection/" not in in_spanish
    assert len(in_spanish) == len(set(in_spanish)) == len(in_english)


def test_a_translated_specific_form_shows_once_in_each_language(client):
    english = ProcedurePage.objects.get(slug="facet-joint-injections")
    translated = ProcedurePage.objects.get(slug="inyeccion-facetaria-lumbar")
    in_english = card_links(get_page(client, english.url), "forms-heading")
    assert in_english.count("/procedures/lumbar-facet-injection/") == 1
    assert len(in_english) == len(set(in_english))

    in_spanish = card_links(get_page(client, spanish_version(english).url), "forms-heading")
    assert in_spanish.count(translated.url) == 1
    assert "/procedures/lumbar-facet-injection/" not in in_spanish
    assert len(in_spanish) == len(set(in_spanish)) == len(in_english)
