"""
Keyboard focus, which axe does not test: the header is tabbed in the order it is read, and Esc
closes the phone menu.
"""

from itertools import pairwise

import pytest
from playwright.sync_api import expect

from .conftest import PHONE


pytestmark = pytest.mark.django_db(transaction=True)  # the live server sees committed data

# Each Tab stop in the header, with its box on the page, until focus leaves the header.
HEADER_STOP = """() => {
    const element = document.activeElement;
    if (!element.closest('.site-header')) return null;
    const box = element.getBoundingClientRect();
    return {name: element.textContent.trim() || element.placeholder, top: box.top + scrollY,
            bottom: box.bottom + scrollY, left: box.left, right: box.right};
}"""


def test_the_header_is_tabbed_in_reading_order(page, site_url, subtests):
    """Row by row, left to right, as the header is laid out at each width (WCAG 2.4.3)."""
    for width in [375, 480, 600, 900, 1280]:
        with subtests.test(width=width):
            page.set_viewport_size({"width": width, "height": 800})
            page.goto(site_url + "/")
            page.keyboard.press("Tab")  # the skip link, which shows over the header when focused
            stops = []
            while (stop := page.evaluate(HEADER_STOP)) or not stops:
                if stop:
                    stops.append(stop)
                page.keyboard.press("Tab")
            names = [stop["name"] for stop in stops]
            for before, after in pairwise(stops):
                if after["top"] < before["bottom"] and before["top"] < after["bottom"]:
                    assert after["left"] >= before["right"] - 1, f"{after['name']}: {names}"
                else:
                    assert after["top"] >= before["bottom"] - 1, f"{after['name']}: {names}"
            assert any("Call us" in name for name in names)


def test_escape_closes_the_phone_menu(page, site_url):
    page.set_viewport_size(PHONE)
    page.goto(site_url + "/")
    menu = page.get_by_role("button", name="Menu")
    nav = page.locator("#main-nav")
    menu.focus()
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(nav).to_be_visible()
    while not page.evaluate("document.activeElement.matches('.main-nav__link')"):
        page.keyboard.press("Tab")

    page.keyboard.press("Escape")
    expect(nav).to_be_hidden()
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_focused()

    # From the button itself too.
    page.keyboard.press("Enter")
    expect(nav).to_be_visible()
    page.keyboard.press("Escape")
    expect(nav).to_be_hidden()
    expect(menu).to_be_focused()

    # Esc in the search box closes its suggestions, not the menu.
    page.keyboard.press("Enter")
    page.locator("#site-search").focus()
    page.keyboard.press("Escape")
    expect(nav).to_be_visible()
