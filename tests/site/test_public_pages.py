"""What every public page shares: the header with Call us, the menu, the footer."""

import pytest

from clinic.models import ClinicSettings
from tests.pages import soup, texts


pytestmark = pytest.mark.django_db


def test_every_page_has_the_site_chrome(client):
    page = soup(client.get("/procedures/sacroiliac-joint-injection/"))
    skip = page.select_one("a.skip-link")
    assert skip["href"] == "#main-content" and page.select_one("main#main-content")
    assert page.find("html")["lang"] == "en"
    call = page.select_one("header a[href^='tel:']")
    assert call["href"] == "tel:+13125550147" and "Call us" in call.get_text()
    assert texts(page.select("nav[aria-label=Main] a")) == [
        "Procedures",
        "Conditions",
        "Find a Physician",
        "News",
        "About us",
        "Your visit",
    ]
    assert page.select_one("nav[aria-label=Main] a[aria-current]").get_text() == "Procedures"
    assert texts(page.select("nav[aria-label=Breadcrumb] li")) == [
        "Home",
        "Procedures",
        "Sacroiliac joint injection",
    ]
    footer = page.select_one("footer").get_text(" ", strip=True)
    assert "100 Example Avenue" in footer
    assert "Monday to Friday: 8 am to 5 pm" in footer
    assert "call 911" in footer
    assert len(page.find_all("h1")) == 1


def test_changing_the_clinic_phone_number_changes_every_page(client):
    assert b"(312) 555-0147" in client.get("/").content
    clinic = ClinicSettings.objects.get()
    clinic.phone = "(312) 555-0199"
    clinic.save()
    page = soup(client.get("/conditions/"))
    assert page.select_one("header a[href^='tel:']")["href"] == "tel:+13125550199"
