"""
From the home page to a procedure, a physician who performs it and the clinic's Call us link, in
Chromium: with a mouse, with the keyboard alone and on a phone.
"""

import re

import pytest
from playwright.sync_api import expect

from clinic.models import ClinicSettings

from .calling import CALL_HREF
from .conftest import DESKTOP, PHONE
from .keyboard import assert_focus_visible, focus_state, tab_to


pytestmark = pytest.mark.django_db(transaction=True)  # the live server sees committed data


def follow_with_mouse(page, site_url, physician):
    page.goto(site_url + "/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Procedures").click()
    expect(page).to_have_url(site_url + "/procedures/")
    expect(page.locator("h1")).to_have_text("Procedures")

    page.locator(
        ".a-to-z__list > li:not(.a-to-z__alias) > a", has_text="Sacroiliac joint injection"
    ).click()
    expect(page).to_have_url(site_url + "/procedures/sacroiliac-joint-injection/")
    expect(page.locator("h1")).to_have_text("Sacroiliac joint injection")

    performers = page.get_by_role("complementary", name="Physicians and news")
    performers.get_by_role("link", name=physician.display_name).click()
    expect(page).to_have_url(site_url + physician.url)
    expect(page.locator("h1")).to_have_text(physician.display_name)

    call = page.locator("header").get_by_role("link", name=re.compile("Call us"))
    expect(call).to_be_visible()
    expect(call).to_have_attribute("href", CALL_HREF)
    box = call.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44  # easy to hit with a finger


def test_from_home_to_calling_a_physician_with_the_mouse(page, site_url, fictional_physician):
    page.set_viewport_size(DESKTOP)
    follow_with_mouse(page, site_url, fictional_physician)


def test_from_home_to_calling_a_physician_with_the_keyboard(page, site_url, fictional_physician):
    page.set_viewport_size(DESKTOP)
    page.goto(site_url + "/")

    # The first Tab reaches the skip link, which shows itself and jumps to the content.
    page.keyboard.press("Tab")
    skip = focus_state(page)
    assert skip["text"] == "Skip to main content"
    assert_focus_visible(skip)
    page.keyboard.press("Enter")
    assert focus_state(page)["id"] == "main-content"

    # Back to the top: through the header to the main menu.
    page.goto(site_url + "/")
    tab_to(page, lambda s: s["href"] == "/procedures/" and s["text"] == "Procedures")
    page.keyboard.press("Enter")
    expect(page).to_have_url(site_url + "/procedures/")

    page.keyboard.press("Tab")
    assert focus_state(page)["text"] == "Skip to main content"
    page.keyboard.press("Enter")
    tab_to(page, lambda s: s["href"] == "/procedures/sacroiliac-joint-injection/")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Sacroiliac joint injection")

    tab_to(page, lambda s: s["href"] == fictional_physician.url)
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text(fictional_physician.display_name)

    page.keyboard.press("Tab")  # the skip link again, then the header
    call = tab_to(page, lambda s: s["href"] == CALL_HREF, limit=5)
    assert "Call us" in call["text"]


def test_the_same_journey_on_a_phone(browser, site_url, fictional_physician):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        # The demo's notice that it is a demonstration takes three more lines above the header;
        # the title is still on the first screen.
        page.goto(site_url + "/procedures/sacroiliac-joint-injection/")
        expect(page.locator(".demo-notice")).to_be_visible()
        assert page.locator("h1").bounding_box()["y"] < 0.5 * PHONE["height"]
        # A real clinic's site, without the notice: the main menu starts closed, so the page's
        # own title shows in the top of the screen.
        clinic = ClinicSettings.objects.get()
        clinic.demo_notice = False
        clinic.save()  # as a site admin saves the clinic's details: every page shows it at once
        page.goto(site_url + "/procedures/sacroiliac-joint-injection/")
        expect(page.locator(".demo-notice")).to_have_count(0)
        menu_button = page.get_by_role("button", name="Menu")
        expect(menu_button).to_have_attribute("aria-expanded", "false")
        expect(page.locator("#main-nav")).to_be_hidden()
        assert page.locator("h1").bounding_box()["y"] < 0.4 * PHONE["height"]
        # Opened, the whole menu is there to tap, with targets big enough for a finger.
        menu_button.tap()
        expect(menu_button).to_have_attribute("aria-expanded", "true")
        menu = page.get_by_role("navigation", name="Main").get_by_role("link")
        expect(menu).to_have_count(6)
        for index in range(6):
            box = menu.nth(index).bounding_box()
            assert box["height"] >= 44, menu.nth(index).inner_text()
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

        menu.filter(has_text="Procedures").tap()
        expect(page).to_have_url(site_url + "/procedures/")
        page.locator(
            ".a-to-z__list > li:not(.a-to-z__alias) > a", has_text="Sacroiliac joint injection"
        ).tap()
        expect(page.locator("h1")).to_have_text("Sacroiliac joint injection")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        performers = page.get_by_role("complementary", name="Physicians and news")
        performers.get_by_role("link", name=fictional_physician.display_name).tap()
        expect(page.locator("h1")).to_have_text(fictional_physician.display_name)
        call = page.locator("header").get_by_role("link", name=re.compile("Call us"))
        expect(call).to_be_in_viewport()
        expect(call).to_have_attribute("href", CALL_HREF)
    finally:
        context.close()
