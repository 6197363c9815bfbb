"""A site admin types an opening time the way it is written on the door, in Chromium."""

import datetime

from playwright.sync_api import expect

from django.conf import settings
from django.test import Client

from clinic.models import ClinicSettings
from home.roles import SITE_ADMINS
from tests.accounts import make_user, sign_in


def signed_in_context(browser, site_url, user):
    """A browser whose session is `user` signed in, past the second step (tests/accounts.py)."""
    client = sign_in(Client(), user)
    context = browser.new_context()
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": site_url}])
    return context


def test_a_closing_time_typed_as_3_pm_is_kept_and_saved_as_3_pm(browser, site_url):
    admin = make_user("sa", SITE_ADMINS)
    clinic = ClinicSettings.objects.get()
    page = signed_in_context(browser, site_url, admin).new_page()
    page.goto(f"{site_url}/admin/settings/clinic/clinicsettings/{clinic.site_id}/")
    page.get_by_role("tab", name="Phone hours").click()

    monday_closes = page.locator("input[name='hours-0-closes']")
    expect(monday_closes).to_have_value("5:00 pm")
    monday_closes.clear()
    monday_closes.press_sequentially("3:00 pm")
    monday_closes.press("Tab")  # leaving the field does not rewrite it (Wagtail's picker did)
    expect(monday_closes).to_have_value("3:00 pm")

    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Clinic details updated.")).to_be_visible()
    assert clinic.hours.get(weekday=0).closes == datetime.time(15)
    page.goto(site_url)
    expect(page.get_by_text("Monday: 8 am to 3 pm")).to_be_visible()
