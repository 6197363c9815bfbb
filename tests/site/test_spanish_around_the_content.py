"""
A Spanish page speaks Spanish around its content too: the header, breadcrumbs and facts, the
shared lists and the clinic's notices, and the words a site admin gives a discipline.
"""

import pytest

from clinic.models import Specialty
from tests.accounts import sign_in
from tests.pages import soup, texts

from .cervical_epidural import SPANISH


pytestmark = pytest.mark.django_db


def test_a_spanish_page_speaks_spanish_around_its_content(client, spanish):
    page = soup(client.get(SPANISH))
    assert page.select_one(".skip-link").get_text(strip=True) == "Saltar al contenido principal"
    assert "Llámenos" in page.select_one(".site-header__call").get_text()
    assert texts(page.select(".breadcrumbs a"))[0] == "Inicio"
    glance = page.select_one(".glance")
    facts = dict(zip(texts(glance.select("dt")), texts(glance.select("dd")), strict=True))
    assert facts["Para qué sirve"] == "Para tratar el dolor"
    # The search box searches in Spanish.
    assert page.select_one("form[role=search]")["action"] == "/es/search/"


def test_shared_lists_and_the_clinics_notices_read_in_spanish(client):
    page = soup(client.get("/es/"))
    regions = texts(page.select(".region-links__name"))
    assert "Parte baja de la espalda" in regions and "Lower back" not in regions
    notice = page.select_one(".emergency-notice").get_text(" ", strip=True)
    assert "llame al 911" in notice
    region = soup(client.get("/es/donde-le-duele/lower-back/"))
    assert region.h1.get_text(strip=True) == "Parte baja de la espalda"
    # The care team: each discipline's Spanish name and description.
    team = page.select_one(".care-team")
    assert "Fisioterapeutas" in team.get_text() and "Physical therapists" not in team.get_text()
    # The English page keeps its English words.
    english = soup(client.get("/"))
    assert "Lower back" in texts(english.select(".region-links__name"))
    assert (
        "Physical therapists" in english.get_text() and "Fisioterapeutas" not in english.get_text()
    )


def test_a_site_admin_gives_a_discipline_its_spanish_words(client, site_admin):
    nurses = Specialty.objects.get(name="Nursing")
    sign_in(client, site_admin)
    edit_url = f"/admin/snippets/clinic/specialty/edit/{nurses.pk}/"
    form = client.get(edit_url)
    assert form.status_code == 200
    assert 'name="practitioner_title_es"' in form.content.decode()
    data = {
        field: getattr(nurses, field)
        for field in ("name", "practitioner_title", "description", "schema_org", "sort_order")
    }
    data.update(
        on_care_team="on",
        name_es="Enfermería",
        practitioner_title_es="Personal de enfermería",
        description_es="Le cuidan antes, durante y después de cada procedimiento.",
    )
    assert client.post(edit_url, data).status_code == 302
    team = soup(client.get("/es/")).select_one(".care-team").get_text()
    assert "Personal de enfermería" in team and "Le cuidan antes, durante y después" in team
