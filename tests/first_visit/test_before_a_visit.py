"""
What a new patient reads before a first visit (insurance, forms, the first-visit page, common
questions) and how they find it; tests.first_visit.test_keeping_it_up_to_date has site admins
and editors keeping it up to date.
"""

import pytest
from bs4 import BeautifulSoup

from wagtail.documents import get_document_model

from first_visit.models import FirstVisitSettings
from locations.models import LocationPage


pytestmark = pytest.mark.django_db

INSURANCE = "/your-visit/insurance-and-billing/"
FORMS = "/your-visit/patient-forms/"
FIRST_VISIT = "/your-visit/first-visit/"
QUESTIONS = "/your-visit/common-questions/"


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def words(element):
    return " ".join(element.get_text(" ", strip=True).split())


def search_slugs(client, query):
    page = soup(client.get("/search/", {"q": query}))
    return [link["href"].rstrip("/").rsplit("/", 1)[-1] for link in page.select(".search-result a")]


# A patient finds the pages


@pytest.mark.parametrize(
    "address",
    ["/", "/appointments/request/sent/", "/your-visit/", "/procedures/"],
)
def test_the_pages_for_new_patients_are_linked_from_the_home_page_confirmation_and_footer(
    client, address
):
    page = soup(client.get(address))
    footer = {
        words(a): a["href"] for a in page.select("footer nav[aria-labelledby=footer-visit] a")
    }
    assert footer == {
        "Your first visit": FIRST_VISIT,
        "Insurance and billing": INSURANCE,
        "Patient forms": FORMS,
        "Common questions": QUESTIONS,
    }
    if address in ("/", "/appointments/request/sent/"):
        links = [a["href"] for a in page.select("main .visit-links a")]
        assert links == [FIRST_VISIT, INSURANCE, FORMS, QUESTIONS]


def test_every_location_page_links_to_the_first_visit_page(client):
    locations = LocationPage.objects.live().filter(locale__language_code="en")
    assert locations.count() >= 2
    for location in locations:
        page = soup(client.get(location.url))
        link = page.select_one("main a[href='/your-visit/first-visit/']")
        assert link is not None, location.url
        assert "what to bring" in words(link)


def test_search_finds_insurance_forms_first_visit_and_answers(client):
    assert search_slugs(client, "do you take Medicare")[0] == "insurance-and-billing"
    assert "patient-forms" in search_slugs(client, "new patient forms")[:3]
    assert "first-visit" in search_slugs(client, "what to bring")[:3]
    assert "common-questions" in search_slugs(client, "do I need a referral")[:3]


def test_the_sitemap_lists_the_pages(client):
    sitemap = client.get("/sitemap.xml").content.decode()
    for address in (INSURANCE, FORMS, FIRST_VISIT, QUESTIONS):
        assert f"{address}</loc>" in sitemap


# A patient reads them


def test_the_insurance_page_lists_plans_by_kind_with_the_date_and_a_call_to_check(client):
    visit = FirstVisitSettings.objects.get()
    page = soup(client.get(INSURANCE))
    section = page.select_one("section.insurance")
    headings = [words(h) for h in section.select("h3")]
    assert headings == [
        "Medicare and Medicare Advantage",
        "Medicaid",
        "Private insurance",
        "Workers’ compensation and accident claims",
    ]
    listed = [words(li) for li in section.select("li")]
    assert listed == [plan.name for plan in visit.insurance_plans.order_by("sort_order")]
    assert section.select_one("a[href='tel:+13125550147']")
    assert "check that we accept your plan" in words(section)
    updated = section.select_one(".insurance__updated time")
    assert updated["datetime"] == visit.insurance_updated_on.isoformat()


def test_the_forms_page_gives_each_forms_purpose_format_size_and_when_to_bring_it(client):
    page = soup(client.get(FORMS))
    form = page.select_one(".patient-form")
    link = form.select_one("a")
    document = get_document_model().objects.get(title="Sample new patient questionnaire")
    assert (
        words(link) == f"Sample new patient questionnaire (PDF, {document.file_size / 1024:.1f} KB)"
    )
    assert "made-up sample" in words(form)
    assert "Bring it to your first visit." in words(form)
    pdf = client.get(link["href"])
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    content = b"".join(pdf.streaming_content)
    assert content.startswith(b"%PDF-") and b"SAMPLE FORM - FOR DEMONSTRATION ONLY" in content


def test_common_questions_open_without_javascript(client):
    page = soup(client.get(QUESTIONS))
    items = page.select("main details.questions__item")
    assert len(items) >= 8
    for item in items:
        # A native disclosure: the answer is in the page, shown when the question is pressed.
        assert item.summary and words(item.summary).endswith("?")
        assert words(item.select_one(".questions__answer"))
    groups = [words(h) for h in page.select("main section.questions > h2")]
    assert groups == ["Before your visit", "Procedures and sedation", "Bills and payments"]


def test_the_first_visit_page_covers_what_patients_ask_about(client):
    text = words(soup(client.get(FIRST_VISIT)).main)
    for topic in ("What to bring", "insurance card", "referral", "parking", "drive you home"):
        assert topic in text


def test_spanish_readers_get_the_spanish_pages_and_find_them_in_their_words(client):
    home = soup(client.get("/es/"))
    links = {words(a.strong): a["href"] for a in home.select(".visit-links a")}
    assert links == {
        "Su primera visita": "/es/su-visita/primera-visita/",
        "Seguros y facturación": "/es/su-visita/seguros-y-facturacion/",
        "Formularios para pacientes": "/es/su-visita/formularios/",
        "Preguntas frecuentes": "/es/su-visita/preguntas-frecuentes/",
    }
    insurance = soup(client.get("/es/su-visita/seguros-y-facturacion/"))
    section = insurance.select_one("section.insurance")
    assert [words(h) for h in section.select("h3")][:2] == [
        "Medicare y Medicare Advantage",
        "Medicaid",
    ]
    assert "Lista actualizada por última vez el" in words(section)
    # The links editors wrote between the pages lead to the Spanish pages.
    questions = soup(client.get("/es/su-visita/preguntas-frecuentes/"))
    assert questions.select_one("main a[href='/es/su-visita/seguros-y-facturacion/']")
    # The sample form is in English, and its Spanish link says so.
    form_link = soup(client.get("/es/su-visita/formularios/")).select_one(".patient-form a")
    assert "(en inglés)" in words(form_link) and "(PDF," in words(form_link)
    results = soup(client.get("/es/search/", {"q": "¿aceptan Medicare?"}))
    first = results.select_one(".search-result a")
    assert first["href"] == "/es/su-visita/seguros-y-facturacion/"
