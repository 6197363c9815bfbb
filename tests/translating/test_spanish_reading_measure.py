"""
The Spanish reading measure (Fernández-Huerta, clinic.pages.readability_es) editors see on a Spanish
page's edit screen: in wagtail-localize's translation editor and in Wagtail's own editor.
"""

import pytest
from bs4 import BeautifulSoup

from django.urls import reverse

from wagtail.fields import StreamField
from wagtail.models import Locale

from clinic.pages.readability_es import measure, syllables
from procedures.models import ProcedurePage


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("dolor", 2),
        ("día", 2),  # the accent splits the vowels: dí-a
        ("mareo", 3),  # two strong vowels: ma-re-o
        ("aéreo", 4),
        ("cuidado", 3),  # cui-da-do
        ("radiofrecuencia", 5),  # ra-dio-fre-cuen-cia
        ("inyección", 3),  # the y before a vowel is a consonant
        ("hoy", 1),  # a final y is a vowel
        ("que", 1),  # the u of que, qui, gue, gui is silent
        ("guerra", 2),
        ("pingüino", 3),  # but not with a diaeresis
        ("esteroides", 4),
        ("médico", 3),
        ("911", 1),
    ],
)
def test_spanish_syllables_are_counted_as_they_are_said(word, count):
    assert syllables(word) == count


HARD = (
    "La administración intraarticular de corticosteroides particulados, combinada con "
    "anestésicos locales de larga duración, proporciona habitualmente una disminución "
    "considerable de la sintomatología inflamatoria persistente de la articulación."
)


def test_short_sentences_score_higher_than_long_ones_with_long_words():
    plain = measure(["El dolor de espalda es común. Su médico le ayuda. Llame si tiene fiebre."])
    hard = measure([HARD])
    assert plain.score >= 70 and not plain.too_hard
    assert hard.score < 60 and hard.too_hard


def edit_screen(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.django_db
def test_the_translation_editor_of_a_spanish_page_shows_its_spanish_reading_measure(admin_client):
    spanish = ProcedurePage.objects.get(
        locale__language_code="es",
        translation_key=ProcedurePage.objects.get(
            slug="sacroiliac-joint-injection", locale__language_code="en"
        ).translation_key,
    )
    page = edit_screen(admin_client, spanish)
    assert page.select_one(".js-translation-editor")  # wagtail-localize's editor
    text = " ".join(page.select_one(".spanish-reading").get_text(" ", strip=True).split())
    assert "Spanish reading ease" in text
    assert "90–100 muy fácil" in text and "below 60 difícil" in text
    # The English page's editor keeps its grade.
    english = edit_screen(
        admin_client,
        ProcedurePage.objects.get(
            pk=spanish.get_translation(Locale.objects.get(language_code="en")).pk
        ),
    )
    assert english.select_one(".spanish-reading") is None
    assert "Flesch-Kincaid grade" in english.get_text()


@pytest.mark.django_db
def test_a_hard_spanish_page_warns_its_editor(admin_client):
    english = ProcedurePage.objects.get(
        slug="sacroiliac-joint-injection", locale__language_code="en"
    )
    spanish = ProcedurePage.objects.get(
        locale__language_code="es", translation_key=english.translation_key
    )
    # Every part patients read in the long words and sentences of a journal.
    for name in ProcedurePage.reading_fields:
        field = ProcedurePage._meta.get_field(name)
        setattr(spanish, name, [] if isinstance(field, StreamField) else HARD)
    spanish.save()
    spanish.save_revision()
    page = edit_screen(admin_client, spanish)
    text = " ".join(page.select_one(".spanish-reading").get_text(" ", strip=True).split())
    assert "below 70 (bastante fácil)" in text
    assert "Shorten long sentences" in text
