"""Locations with weekly hours, holidays and "open now", and the contact page."""

import datetime
from decimal import Decimal
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup

from django.test import override_settings

from wagtail.test.utils import WagtailPageTestCase

from clinic.models.contact import opening_status
from home.models import ContactPage, HomePage
from locations.factories import LocationPageFactory
from locations.models import (
    LocationIndexPage,
    LocationOpeningException,
    LocationOpeningHours,
    LocationPage,
)
from news.models import NewsIndexPage
from tests.fictional_content import create_fictional_physician


pytestmark = pytest.mark.django_db


UTC = datetime.UTC


def soup_of(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return BeautifulSoup(response.content, "html.parser")


class LocationPageTypesTest(WagtailPageTestCase):
    def test_locations_and_contact_page_live_where_the_design_puts_them(self):
        self.assertCanCreateAt(HomePage, LocationIndexPage)
        self.assertCanCreateAt(LocationIndexPage, LocationPage)
        self.assertCanCreateAt(HomePage, ContactPage)
        self.assertCanNotCreateAt(NewsIndexPage, LocationPage)
        self.assertCanNotCreateAt(LocationPage, LocationPage)
        for page in [
            LocationPage.objects.get(slug="anytown"),
            ContactPage.objects.get(locale__language_code="en"),
        ]:
            self.assertPageIsRoutable(page)
            self.assertPageIsRenderable(page)


def test_the_demo_has_two_fictional_locations_listed_with_address_and_phone(client):
    soup = soup_of(client, "/locations/")
    cards = soup.select(".location-card")
    assert [card.h2.get_text(strip=True) for card in cards] == [
        "Anytown clinic",
        "Springfield outpatient center",
    ]
    assert "200 Sample Road" in cards[1].address.get_text()
    assert cards[1].find("a", href="tel:+13125550148")
    assert all(card.select_one(".open-status") for card in cards)


def test_a_location_page_shows_hours_days_off_directions_and_parking(client):
    location = LocationPage.objects.get(slug="springfield")
    location.latitude, location.longitude = Decimal("41.878113"), Decimal("-87.629799")
    location.save_revision().publish()
    soup = soup_of(client, location.url)
    hours = {
        row.th.get_text(" ", strip=True).removesuffix(" today"): row.td.get_text()
        for row in soup.select(".hours-table tr")
    }
    assert hours["Tuesday"] == "9 am to 12:30 pm, 1:30 pm to 4 pm"
    assert hours["Thursday"] == "9 am to 4 pm"
    assert hours["Sunday"] == "Closed"
    days_off = soup.select_one(".exception-list").get_text()
    assert "Christmas Day: closed" in days_off
    # US dates, as everywhere on the site: "Friday, December 25".
    christmas = location.exceptions.get(reason="Christmas Day").date
    assert f"{christmas:%A}, {christmas:%B} {christmas.day}, Christmas Day" in days_off
    anytown = soup_of(client, "/locations/anytown/").get_text()
    assert "an elevator to the second floor" in anytown and " lift " not in anytown
    directions = next(a for a in soup.find_all("a") if "Get directions" in a.get_text())
    assert directions["href"] == (
        "https://www.openstreetmap.org/directions?to=41.878113%2C-87.629799"
    )
    assert "Parking in the shared lot" in soup.get_text()
    assert "step-free entrance" in soup.get_text()
    assert soup.select_one(".call-box a[href='tel:+13125550148']")


def test_location_pages_load_nothing_from_other_sites(client):
    for url in ["/locations/", "/locations/anytown/", "/contact/"]:
        soup = soup_of(client, url)
        for tag in soup.find_all(["script", "img", "iframe", "link", "source"]):
            address = tag.get("src") or tag.get("href") or tag.get("srcset") or ""
            if tag.name == "link" and tag.get("rel") in (["canonical"],):
                continue
            host = urlparse(address).hostname
            assert host in (None, "localhost"), f"{url} loads {address}"


def test_physicians_and_locations_link_both_ways_and_filter_the_directory(client):
    physician = create_fictional_physician()
    anytown = LocationPage.objects.get(slug="anytown")
    physician.locations.add(anytown)
    physician.save_revision().publish()

    location = soup_of(client, anytown.url)
    assert location.select_one(".physician-list").find("a", href=physician.url)
    profile = soup_of(client, physician.url)
    assert profile.find("a", href=anytown.url)

    listed = soup_of(client, "/physicians/?location=anytown")
    names = [
        a.get_text(strip=True) for a in listed.select(".physician-card h3 a, .physician-card h2 a")
    ]
    assert any("Alex Example" in name for name in names)
    assert not any("Jackson" in name for name in names)

    wrong = soup_of(client, "/physicians/?location=atlantis", status=400)
    assert "We could not find that location" in wrong.get_text()


def test_without_locations_the_directory_has_no_location_filter(client):
    create_fictional_physician()  # performs a procedure, so that filter is offered
    LocationPage.objects.all().delete()
    soup = soup_of(client, "/physicians/")
    assert soup.find("select", attrs={"name": "location"}) is None
    assert soup.find("select", attrs={"name": "procedure"}) is not None


def weekday_rows(opens="08:00", closes="17:00", days=range(5)):
    return [
        LocationOpeningHours(
            weekday=day,
            opens=datetime.time.fromisoformat(opens),
            closes=datetime.time.fromisoformat(closes),
        )
        for day in days
    ]


@override_settings(TIME_ZONE="America/New_York")
def test_open_now_is_read_in_the_clinics_time_zone():
    rows = weekday_rows()
    # Monday 2 March 2026, 02:30 in London is still Sunday 21:30 in New York.
    sunday_night = datetime.datetime(2026, 3, 2, 2, 30, tzinfo=UTC)
    assert opening_status(rows, [], sunday_night) == {
        "is_open": False,
        "text": "Closed now. Opens tomorrow at 8 am",
    }
    monday_morning = datetime.datetime(2026, 3, 2, 13, 30, tzinfo=UTC)  # 08:30 EST
    assert opening_status(rows, [], monday_morning) == {
        "is_open": True,
        "text": "Open now until 5 pm",
    }
    monday_evening = datetime.datetime(2026, 3, 2, 22, 30, tzinfo=UTC)  # 17:30 EST
    assert opening_status(rows, [], monday_evening)["text"] == "Closed now. Opens tomorrow at 8 am"
    friday_evening = datetime.datetime(2026, 3, 6, 23, 0, tzinfo=UTC)  # 18:00 EST
    assert opening_status(rows, [], friday_evening)["text"] == "Closed now. Opens Monday at 8 am"


@override_settings(TIME_ZONE="America/New_York")
def test_open_now_follows_daylight_saving_time():
    rows = weekday_rows()
    # Clocks go forward on Sunday 8 March 2026: 12:30 UTC is 07:30 before, 08:30 after.
    before = datetime.datetime(2026, 3, 6, 12, 30, tzinfo=UTC)
    after = datetime.datetime(2026, 3, 9, 12, 30, tzinfo=UTC)
    assert opening_status(rows, [], before)["text"] == "Closed now. Opens today at 8 am"
    assert opening_status(rows, [], after)["is_open"] is True


@override_settings(TIME_ZONE="America/New_York")
def test_holidays_and_short_days_change_open_now():
    rows = weekday_rows()
    christmas = LocationOpeningException(date=datetime.date(2026, 12, 25), reason="Christmas Day")
    eve = LocationOpeningException(
        date=datetime.date(2026, 12, 24),
        reason="Christmas Eve",
        opens=datetime.time(8),
        closes=datetime.time(12),
    )
    noon_eve = datetime.datetime(2026, 12, 24, 17, 30, tzinfo=UTC)  # 12:30 EST
    assert opening_status(rows, [christmas, eve], noon_eve)["text"] == (
        "Closed now. Opens Monday at 8 am"  # Friday 25th is Christmas, then the weekend
    )
    morning_eve = datetime.datetime(2026, 12, 24, 14, 0, tzinfo=UTC)  # 09:00 EST
    assert opening_status(rows, [christmas, eve], morning_eve)["text"] == "Open now until noon"
    christmas_day = datetime.datetime(2026, 12, 25, 15, 0, tzinfo=UTC)
    assert opening_status(rows, [christmas], christmas_day)["text"] == (
        "Closed today (Christmas Day). Opens Monday at 8 am"
    )


def test_a_place_with_no_hours_is_simply_closed():
    assert opening_status([], [], datetime.datetime(2026, 3, 2, 12, tzinfo=UTC)) == {
        "is_open": False,
        "text": "Closed now",
    }


def test_a_location_page_says_whether_it_is_open_now(client):
    location = LocationPageFactory(
        parent=LocationIndexPage.objects.get(locale__language_code="en"), title="Always open"
    )
    location.hours.all().delete()
    for weekday in range(7):
        LocationOpeningHours.objects.create(
            location=location, weekday=weekday, opens=datetime.time(0), closes=datetime.time(23, 59)
        )
    soup = soup_of(client, location.url)
    assert soup.select_one(".open-status").get_text(strip=True) == "Open now until 11:59 pm"


def test_the_contact_page_gathers_phone_address_hours_map_and_emergency_notice(client):
    soup = soup_of(client, "/contact/")
    main = soup.find("main")
    assert main.find("a", href="tel:+13125550147")
    assert "100 Example Avenue, Suite 200" in main.find("address").get_text()
    assert "Monday to Friday: 8 am to 5 pm" in main.get_text()
    assert "call 911" in main.select_one(".callout--urgent").get_text()
    map_link = main.find("a", string=lambda s: s and "OpenStreetMap" in s)
    assert map_link["href"].startswith("https://www.openstreetmap.org/search?query=100+Example")
    assert [a.get_text(strip=True) for a in main.select("#locations-heading ~ ul a")] == [
        "Anytown clinic",
        "Springfield outpatient center",
    ]


def test_the_footer_of_every_page_leads_to_the_contact_page_and_locations(client):
    for url in ["/", "/procedures/", "/news/"]:
        footer = soup_of(client, url).find("footer")
        assert footer.find("a", href="/contact/"), url
        assert footer.find("a", href="/locations/"), url


def test_site_search_finds_a_location_by_town_or_parking(client):
    for query in ["Springfield", "parking"]:
        soup = soup_of(client, f"/search/?q={query}")
        links = [a["href"] for a in soup.select("main a")]
        assert "/locations/springfield/" in links, query


def test_a_location_open_on_saturday_and_the_clinics_phone_hours_say_which_is_which(client):
    """Two sets of hours on one page: each is named for what it is, so they never disagree."""
    location = LocationPage.objects.get(slug="anytown")
    LocationOpeningHours.objects.create(
        location=location, weekday=5, opens=datetime.time(9), closes=datetime.time(12)
    )
    soup = soup_of(client, location.url)
    own = soup.select_one("#hours-heading").find_parent("section")
    assert own.select_one("#hours-heading").get_text(strip=True) == "Opening hours"
    assert "9 am to noon" in own.get_text(" ", strip=True)
    footer = soup.select_one("#footer-hours").find_parent("section")
    assert footer.select_one("#footer-hours").get_text(strip=True) == "Phone hours"
    assert "Saturday and Sunday: closed" in footer.get_text(" ", strip=True)
    spanish = soup_of(client, "/es/").select_one("#footer-hours").get_text(strip=True)
    assert spanish == "Horario de atención telefónica"
