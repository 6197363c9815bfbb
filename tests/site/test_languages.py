"""
The site in English at / and in Spanish under /es/: which language a patient gets, how they
switch, what search engines are told, and that English readers see nothing change.
"""

from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from django.test import override_settings

from wagtail.models import Locale, Page

from appointments.models import AppointmentRequest
from clinic.models import Specialty
from procedures.models import ProcedurePage
from tests.accounts import sign_in
from tests.appointments.conftest import PATIENT
from tests.pages import json_ld, soup, texts


pytestmark = pytest.mark.django_db


@pytest.fixture
def spanish(site):
    """The demo's Spanish cervical epidural injection (the demo clinic is in both languages)."""
    return ProcedurePage.objects.get(slug="inyeccion-epidural-cervical")


@pytest.fixture
def kyphoplasty_not_yet_in_spanish(site):
    """Kyphoplasty as a page whose Spanish translation is not published (yet)."""
    english = ProcedurePage.objects.get(slug="kyphoplasty")
    english.get_translation(Locale.objects.get(language_code="es")).unpublish()
    return english


SPANISH = "/es/procedimientos/inyeccion-epidural-cervical/"
ENGLISH = "/procedures/cervical-epidural-injection/"


def switcher(page):
    return {link["lang"]: link["href"] for link in page.select(".language-bar a")}


def alternates(page):
    return {
        link["hreflang"]: link["href"] for link in page.select('link[rel="alternate"][hreflang]')
    }


def test_english_pages_keep_their_addresses_and_say_they_are_english(client):
    # A site that has no Spanish pages yet.
    Page.objects.filter(depth=2, locale__language_code="es").delete()
    response = client.get("/procedures/")
    page = soup(response)
    assert page.html["lang"] == "en"
    assert response["Content-Language"] == "en"
    assert page.select_one('meta[property="og:locale"]')["content"] == "en_US"
    # A site not yet translated offers no other language.
    assert not page.select(".language-bar")
    assert not alternates(page)
    # No Spanish home yet: Spanish addresses are not found (not English pages under /es/).
    assert client.get("/es/").status_code == 404
    assert client.get("/es/procedures/").status_code == 404


def test_a_spanish_page_is_in_spanish_and_links_to_its_english_version(client, spanish):
    response = client.get(SPANISH)
    page = soup(response)
    assert page.html["lang"] == "es"
    assert response["Content-Language"] == "es"
    assert page.h1.get_text(strip=True) == "Inyección epidural cervical"
    assert page.select_one('meta[property="og:locale"]')["content"] == "es_US"
    web_page = next(node for node in json_ld(page) if "MedicalWebPage" in str(node["@type"]))
    assert web_page["inLanguage"] == "es-US"
    # The switcher names English in English, and leads to the same procedure.
    link = page.select_one(".language-bar a")
    assert link.get_text(strip=True) == "English"
    assert switcher(page) == {"en": ENGLISH}
    # The clinic's name leads home in Spanish; the menu is the Spanish home's.
    assert page.select_one(".site-header__brand")["href"] == "/es/"
    assert "/es/procedimientos/" in [a["href"] for a in page.select(".main-nav a")]
    root = "http://localhost"
    assert alternates(page) == {
        "en": root + ENGLISH,
        "es": root + SPANISH,
        "x-default": root + ENGLISH,
    }


def test_the_english_page_offers_its_spanish_version_or_the_spanish_home(
    client, spanish, kyphoplasty_not_yet_in_spanish
):
    page = soup(client.get(ENGLISH))
    assert switcher(page) == {"es": SPANISH}
    assert page.select_one(".language-bar a").get_text(strip=True) == "Español"
    assert set(alternates(page)) == {"en", "es", "x-default"}
    # Not translated: the Spanish home, and no alternates that do not exist.
    untranslated = soup(client.get("/procedures/kyphoplasty/"))
    assert switcher(untranslated) == {"es": "/es/"}
    assert not alternates(untranslated)
    # Search and the appointment form: the same view in the other language.
    search = soup(client.get("/search/?q=back"))
    assert switcher(search) == {"es": "/es/search/"}
    assert switcher(soup(client.get("/es/appointments/request/"))) == {
        "en": "/appointments/request/"
    }


def test_spanish_lists_show_every_procedure_each_in_spanish_where_translated(
    client, spanish, kyphoplasty_not_yet_in_spanish
):
    page = soup(client.get("/es/procedimientos/"))
    entries = page.select(".a-to-z__list > li:not(.a-to-z__alias) > a")
    names = [title_of(entry) for entry in entries]
    english_count = ProcedurePage.objects.filter(locale__language_code="en").count()
    assert len(names) == english_count == 32
    assert "Inyección epidural cervical" in names
    assert "Cervical epidural injection" not in names
    # The list links relative to itself.
    hrefs = {title_of(entry): urljoin("/es/procedimientos/", entry["href"]) for entry in entries}
    assert hrefs["Inyección epidural cervical"] == (SPANISH)
    assert hrefs["Kyphoplasty"] == "/procedures/kyphoplasty/"


def test_english_lists_and_search_never_show_spanish_pages(client, spanish):
    page = soup(client.get("/procedures/"))
    names = texts(page.select(".a-to-z__list > li:not(.a-to-z__alias) > a"))
    assert len(names) == 32
    assert "Inyección epidural cervical" not in names
    results = soup(client.get("/search/?q=epidural"))
    assert "/es/" not in " ".join(link["href"] for link in results.select("main a[href]"))
    spanish_results = soup(client.get("/es/search/?q=epidural"))
    assert SPANISH in [link["href"] for link in spanish_results.select("main a[href]")]


def test_an_untranslated_page_has_no_spanish_address(client, spanish):
    assert client.get("/es/procedimientos/kyphoplasty/").status_code == 404
    assert client.get("/es/physicians/").status_code == 404


def test_the_sitemap_lists_both_languages_with_their_alternates(client, spanish):
    xml = client.get("/sitemap.xml").content.decode()
    spanish_url = "http://localhost" + SPANISH
    english_url = "http://localhost" + ENGLISH
    assert f"<loc>{spanish_url}</loc>" in xml
    assert f'hreflang="es" href="{spanish_url}"' in xml
    assert f'hreflang="x-default" href="{english_url}"' in xml
    # Every live page (the sitemap's own test counts them); both "Where does it hurt?" pages.
    assert xml.count("<loc>") > Page.objects.live().filter(depth__gt=1).count()
    assert "<loc>http://localhost/es/donde-le-duele/lower-back/</loc>" in xml


def test_robots_keep_crawlers_out_of_both_search_pages(client):
    rules = client.get("/robots.txt").content.decode().splitlines()
    assert "Disallow: /search/" in rules
    assert "Disallow: /es/search/" in rules


def test_an_appointment_asked_from_a_spanish_page_names_the_english_page(client, spanish):
    english = ProcedurePage.objects.get(
        slug="cervical-epidural-injection", locale__language_code="en"
    )
    form = soup(client.get(f"/es/appointments/request/?about={spanish.pk}"))
    assert "Inyección epidural cervical" in form.get_text()
    response = client.post(
        f"/es/appointments/request/?about={spanish.pk}",
        {**PATIENT, "about": spanish.pk, "name": "Ana Ejemplo"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"].startswith("/es/appointments/request/sent/")
    assert AppointmentRequest.objects.get().about_page_id == english.pk


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


def test_the_appointment_form_explains_mistakes_in_spanish(client, spanish):
    response = client.post(
        "/es/appointments/request/",
        {**PATIENT, "name": "", "phone": "llámeme", "email": "", "consent": ""},
    )
    assert response.status_code == 400
    page = BeautifulSoup(response.content, "html.parser")
    errors = texts(page.select(".field__error"))
    assert "Error: Escriba su nombre, para saber por quién preguntar." in errors
    assert any("Escriba un número de teléfono con cifras" in error for error in errors)
    assert "Error: Marque la casilla para aceptar, o llámenos." in errors
    assert not AppointmentRequest.objects.exists()


def test_the_confirmation_and_the_not_found_page_are_in_spanish(client, spanish):
    response = client.post("/es/appointments/request/", {**PATIENT, "name": "Ana Ejemplo"})
    confirmation = soup(client.get(response["Location"]))
    assert confirmation.h1.get_text(strip=True) == "Gracias, su solicitud se ha enviado"
    assert confirmation.html["lang"] == "es"
    missing = client.get("/es/procedimientos/no-existe/")
    assert missing.status_code == 404
    page = BeautifulSoup(missing.content, "html.parser")
    assert page.h1.get_text(strip=True) == "No encontramos la página"


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


def test_english_titles_on_a_spanish_page_are_marked_english(
    client, spanish, kyphoplasty_not_yet_in_spanish
):
    page = soup(client.get("/es/procedimientos/"))
    entries = {
        title_of(entry): entry
        for entry in page.select(".a-to-z__list > li:not(.a-to-z__alias) > a")
    }
    kyphoplasty = entries["Kyphoplasty"]
    # Read by a screen reader in English (WCAG 3.1.2), and the link says where it leads.
    assert kyphoplasty.select_one("[lang=en]").get_text() == "Kyphoplasty"
    assert kyphoplasty.get_text() == "Kyphoplasty (en inglés)"
    # A page in the page's own language needs neither.
    cervical = entries["Inyección epidural cervical"]
    assert cervical.select_one("[lang]") is None
    assert cervical.get_text() == "Inyección epidural cervical"
    # "Other name: see Title" of an English page: the name and the title both marked.
    alias = next(
        entry
        for entry in page.select(".a-to-z__alias")
        if entry.get_text().startswith("Balloon kyphoplasty")
    )
    assert texts(alias.select("[lang=en]")) == ["Balloon kyphoplasty", "Kyphoplasty"]
    assert "(en inglés)" in alias.a.get_text()


def title_of(link):
    """A list entry's title, without the “(en inglés)” after an English page's."""
    return link.get_text(strip=True).removesuffix("(en inglés)").strip()


@override_settings(APPOINTMENT_RATE_LIMIT=(1, 3600))
def test_the_refusals_and_the_500_page_are_in_spanish(client, spanish, monkeypatch):
    assert client.post("/es/appointments/request/", PATIENT).status_code == 302
    refused = client.post("/es/appointments/request/", PATIENT)
    assert refused.status_code == 429
    page = BeautifulSoup(refused.content, "html.parser")
    assert page.html["lang"] == "es"
    assert "varias solicitudes desde su conexión" in page.get_text()
    assert 'value="Pat Example"' in refused.content.decode()  # nothing typed is lost

    def broken(self, request, *args, **kwargs):
        raise RuntimeError("a bug in a page")

    monkeypatch.setattr(ProcedurePage, "get_context", broken)
    client.raise_request_exception = False
    response = client.get(SPANISH)
    assert response.status_code == 500
    error = BeautifulSoup(response.content, "html.parser")
    assert error.html["lang"] == "es"
    assert error.h1.get_text(strip=True) == "Lo sentimos, hay un problema con este sitio"
    assert error.select_one("a[href='tel:+13125550147']")
    assert "911" in error.get_text()
