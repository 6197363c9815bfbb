"""The condition index and condition pages."""

from urllib.parse import urljoin

import pytest

from tests.pages import soup, texts


pytestmark = pytest.mark.django_db


def test_condition_index_lists_other_names_as_their_own_entries(client):
    page = soup(client.get("/conditions/"))
    main_entries = page.select(".a-to-z__list > li:not(.a-to-z__alias) > a")
    assert len(main_entries) == 20
    r_aliases = page.select("#letter-R .a-to-z__alias")
    (rsd,) = [li for li in r_aliases if li.get_text().startswith("Reflex sympathetic dystrophy")]
    assert rsd.get_text(" ", strip=True).startswith("Reflex sympathetic dystrophy (RSD): see")
    # The list's links are relative to it.
    assert urljoin("/conditions/", rsd.a["href"]) == "/conditions/complex-regional-pain-syndrome/"
    assert [a.get_text() for a in page.select(".letter-bar a")][:3] == ["A", "B", "C"]


def test_condition_page_shows_the_procedures_that_treat_it(client):
    page = soup(client.get("/conditions/sciatica/"))
    procedures = texts(page.select("#procedures-heading ~ ul .card__title"))
    assert "Epidural steroid injections" in procedures
    assert "Selective nerve root block" in procedures
    assert "Lumbar radiculopathy" in page.select_one(".also-known-as").get_text()
    assert "Pain from the buttock down the back of one leg" in texts(page.select(".glance li"))
    emergency = page.select_one("#get-help .get-help__tier--emergency").get_text()
    assert "Call 911 if" in emergency
    assert "bladder" in emergency
