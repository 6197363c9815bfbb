"""The home page and the general pages under it."""

import pytest

from clinic.models import ClinicSettings, Specialty, lines
from clinic.models.contact import tel_href
from home.models import HomePage, StandardPage
from news.models import NewsPostPage
from tests.pages import soup, texts


pytestmark = pytest.mark.django_db


def test_home_page_explains_and_leads_on(client):
    """What the editors wrote shows, and each way into the site leads where it says."""
    home = HomePage.objects.get(locale__language_code="en")
    clinic = ClinicSettings.objects.get()
    page = soup(client.get("/"))
    assert page.h1.get_text() == home.hero_heading
    headings = texts(page.find_all("h2"))
    for heading in [
        home.intro_heading,
        home.difference_heading,
        home.pain_heading,
        home.procedures_heading,
        home.care_team_heading,
    ]:
        assert heading in headings
    assert texts(page.select(".pain-list li")) == lines(home.pain_types)
    team = [discipline.shown_title for discipline in Specialty.objects.filter(on_care_team=True)]
    assert texts(page.select(".team-list strong")) == team and team
    # The featured procedures, in the editors' order, each a live procedure page.
    featured = [a["href"] for a in page.select("#procedures-heading ~ .card-list a")]
    chosen = [item.procedure for item in home.featured_procedures.order_by("sort_order")]
    assert featured == [procedure.url for procedure in chosen]
    assert all(procedure.live for procedure in chosen)
    # The newest news first.
    newest = NewsPostPage.objects.live().filter(locale=home.locale).order_by("-date").first()
    assert texts(page.select("#news-heading ~ .card-list .card__title"))[0] == newest.title
    # The hero's two ways on: the physicians, and a call to the clinic's own number.
    assert page.select_one(".hero a[href='/physicians/']")
    assert page.select_one(".hero a[href^='tel:']")["href"] == tel_href(clinic.phone)


def test_about_page_lists_its_sections(client):
    """The About page leads to each live page under it, by its title, and each one opens."""
    about = StandardPage.objects.get(locale__language_code="en", slug="about")
    children = list(StandardPage.objects.child_of(about).live().order_by("path"))
    assert children
    page = soup(client.get(about.url))
    assert texts(page.select(".card__title")) == [child.title for child in children]
    assert [a["href"] for a in page.select(".card a")] == [child.url for child in children]
    for child in children:
        assert soup(client.get(child.url)).h1.get_text(strip=True) == child.title
