"""The sitemap and robots.txt crawlers read."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from wagtail.models import Page, PageViewRestriction

from clinic.models import BodyRegion
from home.factories import StandardPageFactory
from home.models import BodyRegionIndexPage
from tests.pages import ROOT


pytestmark = pytest.mark.django_db


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - the site's own output
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    entries = {}
    for url in root.findall("s:url", ns):
        lastmod = url.find("s:lastmod", ns)
        entries[url.find("s:loc", ns).text] = lastmod.text if lastmod is not None else None
    return entries


def test_the_sitemap_lists_every_live_public_page_and_nothing_else(client):
    draft = StandardPageFactory(parent=Page.objects.get(url_path="/home/about/"), live=False)
    private = StandardPageFactory(parent=Page.objects.get(url_path="/home/about/"))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    entries = sitemap_entries(client)

    # Every language's pages, and each "Where does it hurt?" page's regions.
    live_pages = Page.objects.live().public().filter(depth__gte=2)
    region_indexes = BodyRegionIndexPage.objects.live()
    regions = BodyRegion.objects.values_list("slug", flat=True)
    assert len(entries) == live_pages.count() + len(regions) * region_indexes.count()
    expected = {page.full_url for page in live_pages.specific()}
    expected |= {f"{index.full_url}{slug}/" for index in region_indexes for slug in regions}
    assert set(entries) == expected
    assert draft.full_url not in entries and private.full_url not in entries
    assert not [url for url in entries if "?" in url or "/search/" in url]
    for lastmod in entries.values():
        datetime.date.fromisoformat(lastmod[:10])


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /search/" in lines
    assert "Disallow: /physicians/?" in lines  # filtered Find a Physician lists
    assert f"Sitemap: {ROOT}/sitemap.xml" in lines
    assert "Disallow: /" not in lines  # the site itself stays open
