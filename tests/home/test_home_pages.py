"""The home page and the general pages under it."""

import pytest

from tests.pages import soup, texts


pytestmark = pytest.mark.django_db


def test_home_page_explains_and_leads_on(client):
    page = soup(client.get("/"))
    assert page.h1.get_text() == "Treating long-lasting pain at its source"
    headings = texts(page.find_all("h2"))
    for heading in [
        "What is interventional pain management?",
        "How is it different?",
        "Pain we treat",
        "Common procedures",
        "Your care team",
        "Latest news",
    ]:
        assert heading in headings
    assert "Neck pain" in texts(page.select(".pain-list li"))
    assert "Anesthesiologists" in page.select_one(".team-list").get_text()
    featured = [a["href"] for a in page.select("#procedures-heading ~ .card-list a")]
    assert featured[0] == "/procedures/sacroiliac-joint-injection/" and len(featured) == 6
    news = texts(page.select("#news-heading ~ .card-list .card__title"))
    assert news[0] == "Doctor profile: Faisal A. Chaudhry, M.D."
    assert page.select_one(".hero a[href='/physicians/']").get_text() == "Find a physician"
    assert page.select_one(".hero a[href^='tel:']")


def test_about_page_lists_its_sections(client):
    page = soup(client.get("/about/"))
    assert texts(page.select(".card__title")) == [
        "What is interventional pain management?",
        "Your care team",
    ]
    care_team = soup(client.get("/about/care-team/"))
    assert "Physiatrists" in care_team.select_one(".prose").get_text()
