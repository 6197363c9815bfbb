"""
One page of each kind, in the demo clinic, for the tests that visit every page type (query
budgets, SEO, HTML validity, the browser's accessibility checks), and the helpers that read a
page's HTML.
"""

import json

from bs4 import BeautifulSoup


# Pages patients and crawlers reach, each worth indexing.
PAGES = {
    "home": "/",
    "procedure index": "/procedures/",
    "procedure": "/procedures/sacroiliac-joint-injection/",
    "condition index": "/conditions/",
    "condition": "/conditions/complex-regional-pain-syndrome/",
    "physician index": "/physicians/",
    "physician": "/physicians/howard-jackson/",
    "news index": "/news/",
    "news post": "/news/non-surgical-relief-for-spine-pain/",
    "standard page": "/about/",
    "standard subpage": "/about/care-team/",
    "where does it hurt": "/where-does-it-hurt/",
    "body region": "/where-does-it-hurt/lower-back/",
    "location index": "/locations/",
    "location": "/locations/anytown/",
    "contact page": "/contact/",
    "appointment request": "/appointments/request/",
    # Before a first visit: pages built from the insurance, forms and questions blocks.
    "insurance page": "/your-visit/insurance-and-billing/",
    "forms page": "/your-visit/patient-forms/",
    "questions page": "/your-visit/common-questions/",
    # The Spanish site: the page types the demo translates.
    "spanish home": "/es/",
    "spanish procedure index": "/es/procedimientos/",
    "spanish procedure": "/es/procedimientos/inyeccion-articulacion-sacroiliaca/",
    "spanish contact page": "/es/contacto/",
    "spanish standard page": "/es/sobre-nosotros/",
    "spanish appointment request": "/es/appointments/request/",
    "spanish questions page": "/es/su-visita/preguntas-frecuentes/",
}

# Views kept out of search engines, and the answers to bad input.
OTHER_PAGES = {
    "appointment request sent": "/appointments/request/sent/",
    "filtered directory": "/physicians/?procedure=sacroiliac-joint-injection&accepting=on",
    "directory with a bad filter": "/physicians/?procedure=no-such-procedure",
    "search results": "/search/?q=injection",
    "search without results": "/search/?q=qwertyuiop",
    "not found": "/no-such-page/",
    "spanish search results": "/es/search/?q=inyeccion",
    "procedure comparison": (
        "/procedures/compare/?p=lumbar-facet-injection&p=radiofrequency-medial-branch-neurotomy"
        "&p=sacroiliac-joint-injection&p=kyphoplasty"
    ),
    "comparison with a bad choice": "/procedures/compare/?p=no-such-procedure&p=kyphoplasty",
    "spanish procedure comparison": (
        "/es/procedimientos/compare/?p=inyeccion-facetaria-lumbar&p=cifoplastia"
    ),
    "spanish not found": "/es/no-such-page/",
}

ALL_PAGES = {**PAGES, **OTHER_PAGES}


def expected_status(url):
    """200, or the 4xx a page of bad input or a missing page answers with."""
    if url.endswith("/no-such-page/"):
        return 404
    if "no-such-procedure" in url:
        return 400
    return 200


ROOT = "http://localhost"


def get_page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def json_ld(soup):
    scripts = soup.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    data = json.loads(scripts[0].string)
    assert data["@context"] == "https://schema.org"
    return data["@graph"]


def meta(soup, key):
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def texts(elements):
    return [" ".join(element.get_text(" ", strip=True).split()) for element in elements]
