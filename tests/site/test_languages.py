"""
The site in English at / and in Spanish under /es/: which language a patient gets, how they
switch, what search engines are told, and that English readers see nothing change.
"""

from urllib.parse import urljoin

import pytest

from wagtail.models import Locale, Page, Site

from appointments.models import AppointmentRequest
from procedures.models import ProcedureIndexPage, ProcedurePage
from tests.appointments.conftest import PATIENT
from tests.pages import json_ld, soup, texts


pytestmark = pytest.mark.django_db


def translate(page, title, slug=None, **fields):
    """The page's Spanish version, as an editor publishes it (its parents first)."""
    spanish = Locale.objects.get(language_code="es")
    translated = page.copy_for_translation(spanish, copy_parents=True)
    translated.title = title
    translated.slug = slug or translated.slug
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return translated


@pytest.fixture
def spanish(site):
    """A Spanish home, procedure list and one Spanish procedure, the rest in English only."""
    home = Site.objects.get(is_default_site=True).root_page.specific
    translate(home, "Inicio")
    index = ProcedureIndexPage.objects.get()
    translate(index, "Procedimientos", "procedimientos")
    procedure = ProcedurePage.objects.get(slug="epidural-steroid-injections")
    translated = translate(
        procedure,
        "Inyecciones epidurales de esteroides",
        "inyecciones-epidurales",
        summary="Un medicamento contra la inflamación, cerca de los nervios de la columna.",
    )
    return translated.specific


def switcher(page):
    return {link["lang"]: link["href"] for link in page.select(".language-bar a")}


def alternates(page):
    return {
        link["hreflang"]: link["href"] for link in page.select('link[rel="alternate"][hreflang]')
    }


def test_english_pages_keep_their_addresses_and_say_they_are_english(client):
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
    response = client.get("/es/procedimientos/inyecciones-epidurales/")
    page = soup(response)
    assert page.html["lang"] == "es"
    assert response["Content-Language"] == "es"
    assert page.h1.get_text(strip=True) == "Inyecciones epidurales de esteroides"
    assert page.select_one('meta[property="og:locale"]')["content"] == "es_US"
    web_page = next(node for node in json_ld(page) if "MedicalWebPage" in str(node["@type"]))
    assert web_page["inLanguage"] == "es-US"
    # The switcher names English in English, and leads to the same procedure.
    link = page.select_one(".language-bar a")
    assert link.get_text(strip=True) == "English"
    assert switcher(page) == {"en": "/procedures/epidural-steroid-injections/"}
    # The clinic's name leads home in Spanish; the menu is the Spanish home's.
    assert page.select_one(".site-header__brand")["href"] == "/es/"
    assert "/es/procedimientos/" in [a["href"] for a in page.select(".main-nav a")]
    root = "http://localhost"
    assert alternates(page) == {
        "en": f"{root}/procedures/epidural-steroid-injections/",
        "es": f"{root}/es/procedimientos/inyecciones-epidurales/",
        "x-default": f"{root}/procedures/epidural-steroid-injections/",
    }


def test_the_english_page_offers_its_spanish_version_or_the_spanish_home(client, spanish):
    page = soup(client.get("/procedures/epidural-steroid-injections/"))
    assert switcher(page) == {"es": "/es/procedimientos/inyecciones-epidurales/"}
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


def test_spanish_lists_show_every_procedure_each_in_spanish_where_translated(client, spanish):
    page = soup(client.get("/es/procedimientos/"))
    entries = page.select(".a-to-z__list > li:not(.a-to-z__alias) > a")
    names = texts(entries)
    english_count = ProcedurePage.objects.filter(locale__language_code="en").count()
    assert len(names) == english_count == 32
    assert "Inyecciones epidurales de esteroides" in names
    assert "Epidural steroid injections" not in names
    # The list links relative to itself.
    hrefs = {
        entry.get_text(strip=True): urljoin("/es/procedimientos/", entry["href"])
        for entry in entries
    }
    assert hrefs["Inyecciones epidurales de esteroides"] == (
        "/es/procedimientos/inyecciones-epidurales/"
    )
    assert hrefs["Kyphoplasty"] == "/procedures/kyphoplasty/"


def test_english_lists_and_search_never_show_spanish_pages(client, spanish):
    page = soup(client.get("/procedures/"))
    names = texts(page.select(".a-to-z__list > li:not(.a-to-z__alias) > a"))
    assert len(names) == 32
    assert "Inyecciones epidurales de esteroides" not in names
    results = soup(client.get("/search/?q=epidural"))
    assert "/es/" not in " ".join(link["href"] for link in results.select("main a[href]"))
    spanish_results = soup(client.get("/es/search/?q=inyecciones"))
    assert "/es/procedimientos/inyecciones-epidurales/" in [
        link["href"] for link in spanish_results.select("main a[href]")
    ]


def test_an_untranslated_page_has_no_spanish_address(client, spanish):
    assert client.get("/es/procedimientos/kyphoplasty/").status_code == 404
    assert client.get("/es/physicians/").status_code == 404


def test_the_sitemap_lists_both_languages_with_their_alternates(client, spanish):
    xml = client.get("/sitemap.xml").content.decode()
    spanish_url = "http://localhost/es/procedimientos/inyecciones-epidurales/"
    english_url = "http://localhost/procedures/epidural-steroid-injections/"
    assert f"<loc>{spanish_url}</loc>" in xml
    assert f'hreflang="es" href="{spanish_url}"' in xml
    assert f'hreflang="x-default" href="{english_url}"' in xml
    assert xml.count("<loc>") == Page.objects.live().filter(depth__gt=1).count() + 6  # regions


def test_robots_keep_crawlers_out_of_both_search_pages(client):
    rules = client.get("/robots.txt").content.decode().splitlines()
    assert "Disallow: /search/" in rules
    assert "Disallow: /es/search/" in rules


def test_an_appointment_asked_from_a_spanish_page_names_the_english_page(client, spanish):
    english = ProcedurePage.objects.get(
        slug="epidural-steroid-injections", locale__language_code="en"
    )
    form = soup(client.get(f"/es/appointments/request/?about={spanish.pk}"))
    assert "Inyecciones epidurales de esteroides" in form.get_text()
    response = client.post(
        f"/es/appointments/request/?about={spanish.pk}",
        {**PATIENT, "about": spanish.pk, "name": "Ana Ejemplo"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"].startswith("/es/appointments/request/sent/")
    assert AppointmentRequest.objects.get().about_page_id == english.pk
