"""
What a new patient reads before a first visit (insurance, forms, the first-visit page, common
questions), how they find it, and site admins and editors keeping it up to date.
"""

import datetime

import pytest
from bs4 import BeautifulSoup

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from clinic.models import ClinicSettings, InsurancePlan
from home.models import StandardPage
from locations.models import LocationPage
from tests.conftest import private_document, sign_in
from tests.editor import clinic_details_form


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


def settings_url(clinic):
    return reverse("wagtailsettings:edit", args=["clinic", "clinicsettings", clinic.site_id])


def hours_rows(clinic):
    return [
        {"id": row.pk, "weekday": row.weekday, "opens": "08:00", "closes": "17:00"}
        for row in clinic.hours.order_by("weekday")
    ]


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
    clinic = ClinicSettings.objects.get()
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
    assert listed == [plan.name for plan in clinic.insurance_plans.order_by("sort_order")]
    assert section.select_one("a[href='tel:+13125550147']")
    assert "check that we accept your plan" in words(section)
    updated = section.select_one(".insurance__updated time")
    assert updated["datetime"] == clinic.insurance_updated_on.isoformat()


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


# Site admins and editors keep them up to date


def test_a_site_admin_changes_the_insurance_list_and_patients_see_it_at_once(client, site_admin):
    clinic = ClinicSettings.objects.get()
    ClinicSettings.objects.filter(pk=clinic.pk).update(
        insurance_updated_on=datetime.date(2020, 1, 1)
    )
    clinic.refresh_from_db()
    client.get(INSURANCE)  # cached as it was
    sign_in(client, site_admin)
    plans = [
        {"id": plan.pk, "name": plan.name, "kind": plan.kind}
        for plan in clinic.insurance_plans.all()
    ]
    # Saved unchanged: the list keeps its date.
    response = client.post(settings_url(clinic), clinic_details_form(clinic, hours_rows(clinic)))
    assert response.status_code == 302
    clinic.refresh_from_db()
    assert clinic.insurance_updated_on == datetime.date(2020, 1, 1)

    plans.append({"name": "Zephyr Health Alliance", "kind": "private"})
    response = client.post(
        settings_url(clinic), clinic_details_form(clinic, hours_rows(clinic), plans=plans)
    )
    assert response.status_code == 302
    clinic.refresh_from_db()
    assert clinic.insurance_updated_on == timezone.localdate()
    section = soup(client.get(INSURANCE)).select_one("section.insurance")
    assert "Zephyr Health Alliance" in words(section)
    assert section.select_one("time")["datetime"] == timezone.localdate().isoformat()
    # The new plan's name is searchable straight away.
    assert search_slugs(client, "Zephyr")[:1] == ["insurance-and-billing"]


def test_an_empty_insurance_list_hides_the_section_and_the_rest_of_the_page_stays(
    client, site_admin
):
    clinic = ClinicSettings.objects.get()
    sign_in(client, site_admin)
    removed = [
        {"id": plan.pk, "name": plan.name, "kind": plan.kind, "DELETE": "1"}
        for plan in clinic.insurance_plans.all()
    ]
    response = client.post(
        settings_url(clinic), clinic_details_form(clinic, hours_rows(clinic), plans=removed)
    )
    assert response.status_code == 302
    assert not InsurancePlan.objects.exists()
    page = soup(client.get(INSURANCE))
    assert page.select_one("section.insurance") is None
    assert "Insurance plans we accept" not in words(page.main)
    assert "Paying a bill" in words(page.main)


def test_a_plan_needs_a_name(client, site_admin):
    clinic = ClinicSettings.objects.get()
    sign_in(client, site_admin)
    plans = [
        *(
            {"id": plan.pk, "name": plan.name, "kind": plan.kind}
            for plan in clinic.insurance_plans.all()
        ),
        {"name": "", "kind": "private"},
    ]
    response = client.post(
        settings_url(clinic),
        clinic_details_form(
            clinic, hours_rows(clinic), plans=plans, street_address="3 Kept Street"
        ),
    )
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert "3 Kept Street" in response.content.decode()
    assert InsurancePlan.objects.count() == 8


def test_a_site_admin_chooses_which_pages_patients_are_sent_to(client, site_admin):
    clinic = ClinicSettings.objects.get()
    about = StandardPage.objects.get(slug="about")
    sign_in(client, site_admin)
    response = client.post(
        settings_url(clinic),
        clinic_details_form(
            clinic, hours_rows(clinic), first_visit_page=about.pk, questions_page=""
        ),
    )
    assert response.status_code == 302
    home = soup(client.get("/"))
    links = {words(a.strong): a["href"] for a in home.select(".visit-links a")}
    assert links == {
        "Your first visit": "/about/",
        "Insurance and billing": INSURANCE,
        "Patient forms": FORMS,
    }
    location = soup(client.get("/locations/springfield/"))
    assert location.select_one("main a[href='/about/']")


def test_an_editor_replaces_a_form_and_the_link_follows(client, editor):
    document = get_document_model().objects.get(title="Sample new patient questionnaire")
    old_address = soup(client.get(FORMS)).select_one(".patient-form a")["href"]
    sign_in(client, editor)
    content = b"%PDF-1.4\n% the 2027 version\n".ljust(4096, b"0")
    new_file = SimpleUploadedFile("questionnaire-2027.pdf", content, "application/pdf")
    response = client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {"title": document.title, "file": new_file, "collection": document.collection_id},
    )
    assert response.status_code == 302
    link = soup(client.get(FORMS)).select_one(".patient-form a")
    assert link["href"] != old_address and link["href"].endswith("questionnaire-2027.pdf")
    assert "(PDF, 4.0 KB)" in words(link)
    served = client.get(link["href"])
    assert b"the 2027 version" in b"".join(served.streaming_content)
    # The address printed or bookmarked before leads to the new file.
    client.logout()
    old = client.get(old_address)
    assert old.status_code == 302 and old["Location"] == link["href"]
    followed = client.get(old_address, follow=True)
    assert b"the 2027 version" in b"".join(followed.streaming_content)
    assert client.get("/documents/999999/questionnaire-2027.pdf").status_code == 404


def test_a_private_documents_old_address_gives_nothing_away(client):
    document, _ = private_document()
    response = client.get(f"/documents/{document.pk}/an-old-name.pdf")
    assert response.status_code == 404
    assert document.filename not in response.content.decode()


def test_an_editor_builds_a_page_from_questions_insurance_and_forms_blocks(admin_client):
    section = StandardPage.objects.get(slug="your-visit")
    document = get_document_model().objects.get(title="Sample new patient questionnaire")
    data = nested_form_data(
        {
            "title": "Spine center visits",
            "slug": "spine-center-visits",
            "summary": "What to know before a visit to the spine center.",
            "body": streamfield(
                [
                    (
                        "questions",
                        {
                            "heading": "Before you come",
                            "questions": streamfield(
                                [
                                    (
                                        "item",
                                        {
                                            "question": "Is there a lift?",
                                            "answer": rich_text("<p>Yes, by the entrance.</p>"),
                                        },
                                    )
                                ]
                            ),
                        },
                    ),
                    ("insurance_plans", {"heading": "Plans we take"}),
                    (
                        "patient_forms",
                        {
                            "heading": "Forms",
                            "forms": streamfield(
                                [
                                    (
                                        "item",
                                        {
                                            "document": document.pk,
                                            "title": "Spine questionnaire",
                                            "purpose": "About your back.",
                                            "when_to_bring": "",
                                        },
                                    )
                                ]
                            ),
                        },
                    ),
                ]
            ),
        }
    )
    data["action-publish"] = "action-publish"
    response = admin_client.post(
        reverse("wagtailadmin_pages:add", args=["home", "standardpage", section.pk]), data
    )
    assert response.status_code == 302
    page = soup(admin_client.get("/your-visit/spine-center-visits/"))
    assert words(page.select_one("details summary")) == "Is there a lift?"
    assert words(page.select_one("section.insurance h2")) == "Plans we take"
    assert words(page.select_one(".patient-form a")).startswith("Spine questionnaire (PDF,")
    created = Page.objects.get(slug="spine-center-visits")
    assert created.live


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
