""" "Where does it hurt?": patients start from a part of the body."""

import pytest
from bs4 import BeautifulSoup

from clinic.models import BodyRegion
from conditions.models import ConditionPage
from procedures.models import ProcedurePage


pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_the_page_lists_every_region_as_a_plain_link(client):
    page = soup(client.get("/where-does-it-hurt/"))
    links = {
        a.select_one(".region-links__name").get_text(): a["href"]
        for a in page.select(".region-links a")
    }
    assert links == {
        "Head and face": "/where-does-it-hurt/head-and-face/",
        "Neck": "/where-does-it-hurt/neck/",
        "Upper back": "/where-does-it-hurt/upper-back/",
        "Lower back": "/where-does-it-hurt/lower-back/",
        "Buttock and hip": "/where-does-it-hurt/buttock-and-hip/",
        "Arms and legs": "/where-does-it-hurt/arms-and-legs/",
    }


def test_the_home_page_offers_the_same_choice(client):
    page = soup(client.get("/"))
    block = page.select_one("#where-heading").find_parent("section")
    assert len(block.select(".region-links a")) == BodyRegion.objects.count()
    assert block.select_one("a[href='/where-does-it-hurt/neck/']")


def test_a_region_lists_its_conditions_and_procedures(client):
    region = BodyRegion.objects.get(slug="buttock-and-hip")
    page = soup(client.get("/where-does-it-hurt/buttock-and-hip/"))
    assert page.h1.get_text() == "Buttock and hip"
    conditions = [a.get_text() for a in page.select("#conditions-heading ~ ul .card__title a")]
    procedures = [a.get_text() for a in page.select("#procedures-heading ~ .link-list a")]
    assert conditions == list(
        ConditionPage.objects.filter(body_regions=region, locale__language_code="en")
        .order_by("title")
        .values_list("title", flat=True)
    )
    assert procedures == list(
        ProcedurePage.objects.filter(body_regions=region, locale__language_code="en")
        .order_by("title")
        .values_list("title", flat=True)
    )
    assert "SI joint pain" in conditions and "Sacroiliac joint injection" in procedures
    # A long list stays short: each condition with the first sentence of its summary.
    si_joint_pain = page.select_one("#conditions-heading ~ ul .card__text").get_text()
    assert si_joint_pain.count(". ") == 0 and si_joint_pain.endswith(".")
    crumbs = [li.get_text(strip=True) for li in page.select("nav[aria-label=Breadcrumb] li")]
    assert crumbs == ["Home", "Where does it hurt?", "Buttock and hip"]


def test_an_unknown_region_is_not_found(client):
    assert client.get("/where-does-it-hurt/elbow/").status_code == 404


def test_region_pages_stay_within_a_query_budget(client, django_assert_max_num_queries):
    client.get("/where-does-it-hurt/lower-back/")
    with django_assert_max_num_queries(9):
        client.get("/where-does-it-hurt/lower-back/")


def test_a_to_z_shows_every_letter_and_links_only_those_with_entries(client):
    page = soup(client.get("/conditions/"))
    letters = page.select(".letter-bar li")
    assert [li.get_text(strip=True) for li in letters] == [
        chr(c) for c in range(ord("A"), ord("Z") + 1)
    ]
    linked = {li.get_text(strip=True) for li in letters if li.a}
    assert "S" in linked and "Q" not in linked and "X" not in linked
    for letter in linked:
        assert page.select_one(f"#letter-{letter}")
