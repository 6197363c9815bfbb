"""
The whole patient library in Spanish: every procedure and condition page, the pages under About,
the news posts and the physicians' profiles have a live Spanish translation; a Spanish reader gets
the safety parts (how to prepare, the risks, when to get help) in Spanish; and a Spanish search
finds each page by its Spanish name and by words patients type.
"""

import pytest
from bs4 import BeautifulSoup

from wagtail.models import Locale

from conditions.models import ConditionPage
from home.models import StandardPage
from news.models import NewsPostPage
from physicians.models import PhysicianPage
from procedures.models import ProcedurePage


pytestmark = pytest.mark.django_db


def english_pages(model, **filters):
    return list(model.objects.live().filter(locale__language_code="en", **filters))


def live_spanish(page):
    """The page's live Spanish translation, or None."""
    spanish = page.get_translation_or_none(Locale.objects.get(language_code="es"))
    return spanish.specific if spanish is not None and spanish.live else None


def spanish_pairs(model, **filters):
    pairs = [(page, live_spanish(page)) for page in english_pages(model, **filters)]
    assert pairs, f"the demo has no {model.__name__}"
    untranslated = [english.title for english, spanish in pairs if spanish is None]
    assert untranslated == [], f"no live Spanish translation: {untranslated}"
    return pairs


def soup(client, page):
    assert page.url.startswith("/es/"), page.url
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    return BeautifulSoup(response.content, "html.parser")


def items(section):
    return [item.get_text(" ", strip=True) for item in section.select("li")]


def test_every_procedure_and_condition_page_has_a_live_spanish_translation():
    for model in (ProcedurePage, ConditionPage):
        for english, spanish in spanish_pairs(model):
            assert spanish.title != english.title and spanish.slug != english.slug


def assert_in_spanish(shown, spanish, english, what, page):
    """The Spanish items, one for each English item, and none of the English ones."""
    assert shown == spanish, f"{page.url}: {what}"
    assert len(shown) == len(english), f"{page.url}: {what}"
    assert not set(shown) & set(english), f"{page.url}: {what} in English"


def test_each_spanish_procedure_page_tells_how_to_prepare_the_risks_and_when_to_get_help_in_spanish(
    client,
):
    for english, spanish in spanish_pairs(ProcedurePage):
        page = soup(client, spanish)
        assert page.html["lang"] == "es"
        before = page.select_one("#before")
        assert before.h2.get_text(strip=True) == "Antes de su procedimiento"
        assert_in_spanish(
            items(before), spanish.before_list, english.before_list, "before", spanish
        )
        risks = page.select_one("#risks")
        assert risks.h2.get_text(strip=True) == "Riesgos"
        assert_in_spanish(
            items(risks),
            spanish.common_risk_list + spanish.serious_risk_list,
            english.common_risk_list + english.serious_risk_list,
            "risks",
            spanish,
        )
        assert "Poco frecuentes pero graves" in risks.get_text()
        emergency = page.select_one(".get-help__tier--emergency")
        assert "Llame al 911 si" in emergency.get_text()
        assert_in_spanish(
            items(emergency), spanish.call_911_list, english.call_911_list, "call 911", spanish
        )
        call_us = page.select(".get-help__tier")[1]
        assert "Llámenos el mismo día si" in call_us.get_text()
        assert_in_spanish(
            items(call_us), spanish.call_us_list, english.call_us_list, "call us", spanish
        )


def test_each_spanish_condition_page_says_when_to_call_911_and_see_a_doctor_in_spanish(client):
    for english, spanish in spanish_pairs(ConditionPage):
        page = soup(client, spanish)
        get_help = page.select_one("#get-help")
        assert get_help.h2.get_text(strip=True) == "Cuándo pedir ayuda"
        if english.call_911_list:
            emergency = get_help.select_one(".get-help__tier--emergency")
            assert "Llame al 911 si" in emergency.get_text()
            assert_in_spanish(
                items(emergency), spanish.call_911_list, english.call_911_list, "911", spanish
            )
        see_doctor = get_help.select_one(".rich-text")
        assert "Cuándo ir al médico" in get_help.get_text()
        shown = see_doctor.get_text(" ", strip=True)
        spanish_text = BeautifulSoup(spanish.when_to_see_doctor, "html.parser")
        english_text = BeautifulSoup(english.when_to_see_doctor, "html.parser")
        assert shown == spanish_text.get_text(" ", strip=True), spanish.url
        assert english_text.p.get_text(strip=True) not in shown, spanish.url


@pytest.mark.parametrize(
    ("model", "filters"),
    [
        (StandardPage, {"depth": 4, "url_path__startswith": "/home/about/"}),
        (NewsPostPage, {}),
        (PhysicianPage, {}),
    ],
    ids=["about", "news", "physicians"],
)
def test_the_about_pages_news_posts_and_physicians_are_in_spanish(client, model, filters):
    for english, spanish in spanish_pairs(model, **filters):
        page = soup(client, spanish)
        assert page.html["lang"] == "es"
        assert spanish.summary != english.summary
        assert spanish.summary in page.select_one("main").get_text(" ", strip=True)
        if model is not PhysicianPage:  # a name is the same in any language
            assert page.h1.get_text(strip=True) == spanish.title != english.title


def test_a_spanish_physician_profile_lists_each_news_post_once_in_spanish(client):
    english = PhysicianPage.objects.get(slug="howard-jackson", locale__language_code="en")
    page = soup(client, live_spanish(english))
    news = [
        link.get_text(strip=True) for link in page.select("main a") if "/noticias/" in link["href"]
    ]
    assert news == [
        "Alivio sin cirugía para el dolor de columna con el Dr. Jackson",
        "Perfil de un médico: Dr. Howard Jackson",
    ]


def search_titles(client, query):
    response = client.get("/es/search/", {"q": query})
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    return [
        (
            item.select_one(".search-result__title a").get_text(strip=True),
            item.select_one(".search-result__title").get("lang"),
        )
        for item in page.select(".search-result")
    ]


def test_spanish_search_finds_each_procedure_and_condition_first_by_its_spanish_title(client):
    not_first = []
    for model in (ProcedurePage, ConditionPage):
        for _english, spanish in spanish_pairs(model):
            found = search_titles(client, spanish.title)
            if not found or found[0] != (spanish.title, None):
                not_first.append((spanish.title, found[:3]))
    assert not_first == []


@pytest.mark.parametrize(
    ("query", "page_title"),
    [
        ("ciatica", "Ciática"),  # without its accent
        ("hernia", "Hernia de disco"),
        ("disco roto", "Hernia de disco"),  # one of its other names
        ("vértebra rota", "Fractura vertebral"),
        ("choque de auto", "Latigazo cervical"),
        ("nudo muscular", "Inyecciones en puntos gatillo"),
        ("toxina botulínica", "Inyecciones de Botox"),
        # Words the pages do not use, through the demo's Spanish search synonyms.
        ("cortisona", "Inyecciones epidurales de esteroides"),
        ("quemar los nervios", "Ablación por radiofrecuencia cervical"),
    ],
)
def test_spanish_search_finds_a_page_by_words_patients_type(client, query, page_title):
    found = search_titles(client, query)
    assert found[0] == (page_title, None)
    assert all(lang is None for _, lang in found)  # every page is in Spanish now


def test_quemar_los_nervios_finds_every_radiofrequency_ablation_page(client):
    found = [title for title, _ in search_titles(client, "quemar los nervios")]
    ablations = [
        spanish.title
        for english, spanish in spanish_pairs(ProcedurePage)
        if "Radiofrequency ablation" in english.other_names
    ]
    assert len(ablations) >= 3
    assert set(found[: len(ablations)]) == set(ablations)


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_condition_and_a_procedure_list_each_related_procedure_once(client, language):
    """Translations keep a copy of the English relations; the lists show each page once."""
    sections = [
        (ConditionPage.objects.get(slug="sciatica"), "procedures-heading"),
        (ProcedurePage.objects.get(slug="epidural-steroid-injections"), "forms-heading"),
    ]
    for english, heading in sections:
        page = english if language == "en" else live_spanish(english)
        html = BeautifulSoup(client.get(page.url).content, "html.parser")
        section = html.select_one(f'section[aria-labelledby="{heading}"]')
        titles = [link.get_text(strip=True) for link in section.select("a")]
        assert titles and len(titles) == len(set(titles)), (page.url, titles)


def test_the_spanish_home_page_leads_to_the_spanish_care_team_page(client):
    page = BeautifulSoup(client.get("/es/").content, "html.parser")
    link = next(a for a in page.select("main a") if "equipo de atención" in a.get_text())
    assert link["href"] == "/es/sobre-nosotros/equipo-de-atencion/"
    assert "(en inglés)" not in link.get_text()
