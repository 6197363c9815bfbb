"""
The lists site admins keep (the insurance plans in Settings › Before a visit, a location's days
with different hours) in Spanish on Spanish pages: the Spanish name an admin gives, else the English
one marked as English.
"""

import datetime

import pytest
from bs4 import BeautifulSoup

from django.utils import timezone

from wagtail.models import Locale

from first_visit.models import FirstVisitSettings
from locations.models import LocationOpeningException, LocationPage
from tests.accounts import sign_in
from tests.editor import before_a_visit_form, before_a_visit_url, saved_plans


pytestmark = pytest.mark.django_db

INSURANCE_ES = "/es/su-visita/seguros-y-facturacion/"


def plan_items(client):
    response = client.get(INSURANCE_ES)
    assert response.status_code == 200
    section = BeautifulSoup(response.content, "html.parser").select_one("section.insurance")
    return section.select("ul.insurance__plans li")


def test_the_spanish_insurance_page_names_the_plans_in_spanish(client):
    names = [" ".join(item.get_text(" ", strip=True).split()) for item in plan_items(client)]
    assert "Planes Medicare Advantage de Example Health" in names
    assert "Medicaid del estado (ejemplo)" in names
    assert "Example Health HMO (con referido)" in names
    assert "Compensación al trabajador (ejemplo)" in names
    assert not any("(en inglés)" in name for name in names)
    # The English page keeps the names as on the patient's card.
    english = client.get("/your-visit/insurance-and-billing/").content.decode()
    assert "State Medicaid (example)" in english and "Medicaid del estado" not in english


def test_a_site_admin_names_a_plan_in_spanish_and_one_without_shows_in_english(client, site_admin):
    visit = FirstVisitSettings.objects.get()
    sign_in(client, site_admin)
    plans = saved_plans(visit)
    plans += [
        {"name": "Zephyr Health Alliance", "name_es": "", "kind": "private"},
        {
            "name": "Veterans Community Care",
            "name_es": "Atención comunitaria para veteranos",
            "kind": "other",
        },
    ]
    edit = before_a_visit_url(visit)
    form = client.get(edit).content.decode()
    assert "Spanish name" in form and "Nombre en español" in form
    response = client.post(edit, before_a_visit_form(visit, plans=plans))
    assert response.status_code == 302

    items = {" ".join(item.get_text(" ", strip=True).split()): item for item in plan_items(client)}
    assert "Atención comunitaria para veteranos" in items
    untranslated = items["Zephyr Health Alliance (en inglés)"]
    # Only the name is marked as English; the note is Spanish.
    assert untranslated.select_one("span[lang=en]").get_text() == "Zephyr Health Alliance"
    assert untranslated.get("lang") is None


def test_days_with_different_hours_are_named_in_spanish_where_admins_gave_a_name(client):
    english = LocationPage.objects.filter(locale__language_code="en").first()
    today = timezone.localdate()
    english.exceptions.all().delete()
    english.exceptions.create(date=today, reason="Founders' Day", reason_es="Día del fundador")
    english.exceptions.create(date=today + datetime.timedelta(days=2), reason="Staff training")
    spanish = english.copy_for_translation(Locale.objects.get(language_code="es"))
    spanish.save_revision().publish()

    response = client.get(spanish.url)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert "Cerrado hoy (Día del fundador)" in page.select_one(".open-status").get_text()
    days = page.select(".exception-list li")
    assert "Día del fundador: cerrado" in days[0].get_text()
    assert days[1].select_one("span[lang=en]").get_text() == "Staff training"
    assert "Staff training (en inglés): cerrado" in days[1].get_text()

    # Closed today for a reason given only in English: the Spanish sentence leaves it out.
    LocationOpeningException.objects.filter(date=today).update(reason_es="")
    status = BeautifulSoup(client.get(spanish.url).content, "html.parser").select_one(
        ".open-status"
    )
    assert "Cerrado hoy" in status.get_text() and "Founders" not in status.get_text()


def test_the_phone_hours_read_as_spanish_lines(client):
    """Each line of the clinic's hours on the Spanish contact page starts as a sentence does."""
    page = BeautifulSoup(client.get("/es/contacto/").content, "html.parser")
    phone_hours = page.find("dt", string="Horario de atención telefónica").find_next_sibling("dd")
    lines = [item.get_text(strip=True) for item in phone_hours.select("li")]
    assert lines and all(":" in line for line in lines)
    for line in lines:
        assert line[0].isupper(), line  # "De lunes a viernes: …", not "de lunes a viernes: …"
