"""The physician directory and profiles, and what site admins keep current on them."""

import pytest
from bs4 import BeautifulSoup

from django.urls import reverse
from django.utils import timezone

from clinic.models import Specialty
from physicians.factories import PhysicianPageFactory
from physicians.models import PhysicianIndexPage, PhysicianPage
from procedures.models import ProcedurePage
from tests.accounts import sign_in
from tests.editor import editor_form_data
from tests.pages import soup, texts


pytestmark = pytest.mark.django_db


def test_physician_index_shows_photo_or_initials_specialties_and_new_patients(client):
    page = soup(client.get("/physicians/"))
    cards = page.select(".physician-list > .physician-card")
    assert texts(card.select_one(".card__title") for card in cards) == [
        "Faisal A. Chaudhry, M.D.",
        "Dr. Howard Jackson",
    ]
    assert cards[0].select_one(".physician-card__initials").get_text() == "FC"
    assert "Call us to ask about new patients" in cards[0].get_text()
    assert page.select_one(".result-count").get_text(" ", strip=True) == "2 physicians"


def test_physician_page_shows_what_they_treat_and_perform(client):
    procedure = ProcedurePage.objects.get(slug="sacroiliac-joint-injection")
    physician = PhysicianPageFactory(
        parent=PhysicianIndexPage.objects.get(locale__language_code="en"),
        title="Sam Example",
        family_name="Example",
        procedures_performed=[procedure],
        conditions_treated=[procedure.conditions_treated.first()],
    )
    physician.accepting_new_patients = False
    physician.save_revision().publish()
    page = soup(client.get(physician.url))
    assert page.h1.get_text() == "Sam Example, M.D."
    assert texts(page.select("#procedures-heading ~ ul .card__title")) == [
        "Sacroiliac joint injection"
    ]
    assert texts(page.select("#conditions-heading ~ ul a"))
    assert "Not accepting new patients" in page.select_one(".profile-header").get_text()


def test_physician_page_lists_news_about_them(client):
    page = soup(client.get("/physicians/howard-jackson/"))
    assert texts(page.select("#news-heading ~ ul .card__title")) == [
        "Non-surgical relief for spine pain with Dr. Jackson",
        "Doctor profile: Dr. Howard Jackson",
    ]


def test_changing_new_patients_records_when_it_was_checked(client, site_admin):
    sign_in(client, site_admin)
    physician = PhysicianPage.objects.get(slug="faisal-a-chaudhry", locale__language_code="en")
    data = editor_form_data(client, physician)
    data["accepting_new_patients"] = ["True"]
    data["action-publish"] = "Publish"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[physician.pk]), data)
    assert response.status_code == 302
    physician.refresh_from_db()
    today = timezone.localdate()
    assert physician.accepting_new_patients is True
    assert physician.accepting_new_patients_checked == today
    profile = BeautifulSoup(client.get(physician.url).content, "html.parser")
    status = profile.select_one(".profile-header .status").get_text(" ", strip=True)
    assert status == f"Accepting new patients (checked {today:%B %-d, %Y})"


def test_the_admin_physician_list_filters_by_specialty_and_new_patients(client, site_admin):
    index = PhysicianIndexPage.objects.get(locale__language_code="en")
    anesthesiology = Specialty.objects.get(name="Anesthesiology")
    taking = PhysicianPageFactory(parent=index, title="Tara Taking", specialties=[anesthesiology])
    taking.accepting_new_patients = True
    taking.save()
    sign_in(client, site_admin)
    listing = client.get("/admin/physician_profiles/").content.decode()
    assert "Tara Taking" in listing and "Howard Jackson" in listing
    filtered = client.get(
        "/admin/physician_profiles/", {"accepting_new_patients": "yes"}
    ).content.decode()
    assert "Tara Taking" in filtered and "Howard Jackson" not in filtered
    by_specialty = client.get(
        "/admin/physician_profiles/", {"specialties": anesthesiology.pk}
    ).content.decode()
    assert "Tara Taking" in by_specialty and "Howard Jackson" not in by_specialty
