"""
The demo clinic's made-up details look made up: every page says so in one line, until a site
admin turns the notice off in the clinic's details (a real clinic never sees it).
"""

import pytest
from bs4 import BeautifulSoup

from clinic.models import ClinicSettings
from tests.accounts import sign_in
from tests.editor import clinic_details_form, clinic_details_url, hours_rows
from tests.pages import PAGES


pytestmark = pytest.mark.django_db

NOTICE = {
    "en": "This is a demonstration website. Its clinic, phone numbers, addresses, opening hours "
    "and insurance plans are made up.",
    "es": "Este es un sitio web de demostración. La clínica, sus números de teléfono, "
    "direcciones, horarios y planes de seguro médico son ficticios.",
}


def notice_on(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    found = BeautifulSoup(response.content, "html.parser").select_one("header .demo-notice")
    return " ".join(found.get_text(" ", strip=True).split()) if found else None


def test_every_page_of_the_demo_says_it_is_a_demonstration(client):
    for name, path in PAGES.items():
        language = "es" if path.startswith("/es/") else "en"
        assert notice_on(client, path) == NOTICE[language], name


def test_a_site_admin_turns_the_notice_off_and_it_is_gone_everywhere(client, site_admin):
    clinic = ClinicSettings.objects.get()
    assert clinic.demo_notice
    sign_in(client, site_admin)
    form = clinic_details_form(clinic, hours_rows(clinic), demo_notice="")
    assert client.post(clinic_details_url(clinic), form).status_code == 302
    client.logout()
    for path in ["/", "/procedures/sacroiliac-joint-injection/", "/es/", "/contact/"]:
        assert notice_on(client, path) is None, path


def test_a_clinic_that_never_loaded_the_demo_shows_no_notice(client):
    ClinicSettings.objects.update(demo_notice=False)
    assert notice_on(client, "/") is None
