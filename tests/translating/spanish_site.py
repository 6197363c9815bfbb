"""
Every page of the demo's Spanish site, as a patient gets it: each live Spanish page, the pages
its links lead to under /es/ (a body region's list, the comparison), and the views that are no
page (search results, the appointment request).
"""

from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

from wagtail.models import Page


# Views that are no page of the tree, with what a patient would ask of them.
VIEWS = [
    "/es/search/?q=dolor",
    "/es/search/?q=inyeccion",
    "/es/search/?q=disco",
    "/es/procedimientos/compare/?p=inyeccion-facetaria-lumbar&p=cifoplastia&p=bloqueo-del-ramo-medial",
    "/es/appointments/request/",
]
# Addresses of files, in no language.
FILES = ("/static/", "/media/", "/documents/")


def spanish_pages(client):
    """{address: BeautifulSoup} of every Spanish page a patient can reach on the demo."""
    live = Page.objects.live().filter(locale__language_code="es").specific()
    to_visit = [page.url for page in live if page.url] + VIEWS
    pages = {}
    while to_visit:
        address = to_visit.pop()
        if address in pages:
            continue
        response = client.get(address)
        assert response.status_code == 200, address
        page = BeautifulSoup(response.content, "html.parser")
        pages[address] = page
        for link in page.find_all("a", href=True):
            target = urlsplit(urljoin(address, link["href"]))
            if not target.netloc and target.path.startswith("/es/") and not target.query:
                to_visit.append(target.path)
    return pages


def links_to_english_pages(page, address):
    """The page's links to a page of the English site (outside /es/), files left out."""
    for link in page.find_all("a", href=True):
        target = urlsplit(urljoin(address, link["href"]))
        if target.scheme not in ("", "http") or target.netloc not in ("", "testserver"):
            continue
        if target.path.startswith("/es/") or target.path.startswith(FILES):
            continue
        yield link


def visible_text(element):
    """The words a sighted reader sees in `element` (screen-reader-only text left out)."""
    element = BeautifulSoup(str(element), "html.parser")
    for hidden in element.select(".visually-hidden, script, style, template"):
        hidden.decompose()
    return " ".join(element.get_text(" ").split())
