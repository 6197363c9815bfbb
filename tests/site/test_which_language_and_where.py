"""
The site in English at / and in Spanish under /es/: which language a patient gets at which
address, how they switch, and what search engines are told (alternates, the sitemap, robots).
"""

import pytest

from wagtail.models import Page

from tests.pages import json_ld, soup

from .cervical_epidural import ENGLISH, SPANISH


pytestmark = pytest.mark.django_db


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
