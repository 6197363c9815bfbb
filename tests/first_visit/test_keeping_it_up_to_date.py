"""
Site admins keep what new patients read before a first visit up to date in Settings › Before a
visit (the insurance plans, the pages patients are sent to), and editors the forms and the pages
built from the feature's blocks; patients see each change at once.
"""

import datetime

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from first_visit.models import FirstVisitSettings, InsurancePlan
from home.models import StandardPage
from tests.accounts import sign_in
from tests.admin_screens import admin_menu_links
from tests.editor import before_a_visit_form, before_a_visit_url, saved_plans
from tests.fictional_content import private_document
from tests.first_visit.test_before_a_visit import FORMS, INSURANCE, search_slugs, soup, words


pytestmark = pytest.mark.django_db


def test_a_site_admin_finds_the_plans_and_pages_under_before_a_visit(client, site_admin):
    sign_in(client, site_admin)
    visit = FirstVisitSettings.objects.get()
    dashboard = soup(client.get(reverse("wagtailadmin_home")))
    assert (
        "Before a visit",
        reverse("wagtailsettings:edit", args=["first_visit", "firstvisitsettings"]),
    ) in (admin_menu_links(dashboard))
    form = soup(client.get(before_a_visit_url(visit)))
    tabs = [tab.contents[0].strip() for tab in form.select("[role=tab]")]  # the error count aside
    assert tabs == ["Insurance", "Pages for new patients"]
    text = words(form)
    assert "The insurance plans the clinic accepts, as on patients’ cards." in text
    assert "The pages a new patient reads before a first visit." in text
    assert "Nombre en español" in text
    # The clinic's details no longer hold them.
    details = words(
        soup(
            client.get(
                reverse("wagtailsettings:edit", args=["clinic", "clinicsettings", visit.site_id])
            )
        )
    )
    assert "Insurance plan" not in details and "Before a visit" not in details


def test_a_site_admin_changes_the_insurance_list_and_patients_see_it_at_once(client, site_admin):
    visit = FirstVisitSettings.objects.get()
    FirstVisitSettings.objects.filter(pk=visit.pk).update(
        insurance_updated_on=datetime.date(2020, 1, 1)
    )
    visit.refresh_from_db()
    client.get(INSURANCE)  # cached as it was
    sign_in(client, site_admin)
    plans = saved_plans(visit)
    # Saved unchanged: the list keeps its date.
    response = client.post(before_a_visit_url(visit), before_a_visit_form(visit))
    assert response.status_code == 302
    visit.refresh_from_db()
    assert visit.insurance_updated_on == datetime.date(2020, 1, 1)

    plans.append({"name": "Zephyr Health Alliance", "name_es": "", "kind": "private"})
    response = client.post(before_a_visit_url(visit), before_a_visit_form(visit, plans=plans))
    assert response.status_code == 302
    visit.refresh_from_db()
    assert visit.insurance_updated_on == timezone.localdate()
    section = soup(client.get(INSURANCE)).select_one("section.insurance")
    assert "Zephyr Health Alliance" in words(section)
    assert section.select_one("time")["datetime"] == timezone.localdate().isoformat()
    # The new plan's name is searchable straight away.
    assert search_slugs(client, "Zephyr")[:1] == ["insurance-and-billing"]


def test_an_empty_insurance_list_hides_the_section_and_the_rest_of_the_page_stays(
    client, site_admin
):
    visit = FirstVisitSettings.objects.get()
    client.get(INSURANCE)  # cached as it was
    sign_in(client, site_admin)
    removed = [{**plan, "DELETE": "1"} for plan in saved_plans(visit)]
    response = client.post(before_a_visit_url(visit), before_a_visit_form(visit, plans=removed))
    assert response.status_code == 302
    assert not InsurancePlan.objects.exists()
    page = soup(client.get(INSURANCE))
    assert page.select_one("section.insurance") is None
    assert "Insurance plans we accept" not in words(page.main)
    assert "Paying a bill" in words(page.main)


def test_a_plan_needs_a_name(client, site_admin):
    visit = FirstVisitSettings.objects.get()
    sign_in(client, site_admin)
    plans = [
        *saved_plans(visit),
        {"name": "Kept Mutual", "name_es": "", "kind": "private"},
        {"name": "", "name_es": "", "kind": "private"},
    ]
    response = client.post(before_a_visit_url(visit), before_a_visit_form(visit, plans=plans))
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert "Kept Mutual" in response.content.decode()  # what the admin typed stays
    assert InsurancePlan.objects.count() == 8


def test_a_site_admin_chooses_which_pages_patients_are_sent_to(client, site_admin):
    visit = FirstVisitSettings.objects.get()
    about = StandardPage.objects.get(slug="about")
    for address in ("/", "/locations/springfield/"):
        client.get(address)  # cached as they were
    sign_in(client, site_admin)
    response = client.post(
        before_a_visit_url(visit),
        before_a_visit_form(visit, first_visit_page=about.pk, questions_page=""),
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
