"""
Keyboard focus a patient can see, which axe does not test: Tab through a page of each type and
the focused element is never under something else (WCAG 2.4.11, with two procedures in the
compare tray too) and always changes visibly, by at least 3:1 and 2 px (WCAG 2.4.7), in normal
and in forced colours (Windows high contrast). The header is tabbed in the order it is read, and
Esc closes the phone menu.
"""

from itertools import pairwise
from pathlib import Path

import pytest
from playwright.sync_api import expect

from django.db import connection

from tests.pages import ALL_PAGES

from .conftest import DESKTOP, PHONE


pytestmark = pytest.mark.django_db(transaction=True)  # the live server sees committed data

FOCUS_CHECK = (Path(__file__).parent / "focus_check.js").read_text()
# 1280 x 1024 at 400% zoom: the tray must not fill the screen (WCAG 1.4.10 with 2.4.11).
ZOOMED = {"width": 320, "height": 256}
PAGE_TYPES = {
    name: ALL_PAGES[name]
    for name in [
        "home",
        "procedure index",
        "procedure",
        "condition",
        "physician",
        "location",
        "search results",
        "news post",
        "spanish home",
        "spanish procedure index",
        "spanish procedure",
        "spanish search results",
    ]
}
OTHER_PAGE_TYPES = {name: path for name, path in ALL_PAGES.items() if name not in PAGE_TYPES}
MAX_STOPS = 250  # the procedure list, the longest page, has about 190
TICKED = 2  # procedures chosen for the compare tray as focus passes their boxes


def tab_through(page, url):
    """Each Tab stop's problems: covered by something else, or no visible change on focus."""
    page.goto(url)
    stops, hidden, unchanged = [], [], []
    for _ in range(MAX_STOPS + 1):
        page.keyboard.press("Tab")
        if page.evaluate("n => focusCheck.toTick(n)", TICKED):
            page.keyboard.press("Space")
            page.evaluate("focusCheck.drawn()")  # the tray has appeared or grown, and made room
        step = page.evaluate("focusCheck.step()")
        if step["previous"] and step["previous"]["change"]["contrast"] < 3:
            unchanged.append(f"{step['previous']['name']} ({step['previous']['change']})")
        focused = step["element"]
        if not focused or stops and focused["name"] == stops[0]:
            break
        stops.append(focused["name"])
        if focused["coverage"]["covered"] or not focused["coverage"]["points"]:
            hidden.append(f"{focused['name']} ({focused['coverage']})")
    return len(stops), hidden, unchanged


def check_every_stop(browser, site_url, viewport, forced_colors, pages, subtests):
    context = browser.new_context(viewport=viewport)
    context.add_init_script(FOCUS_CHECK)
    page = context.new_page()
    page.emulate_media(forced_colors=forced_colors)
    try:
        for page_type, path in pages.items():
            with subtests.test(page_type=page_type):
                stops, hidden, unchanged = tab_through(page, site_url + path)
                assert stops >= 20  # the whole page was tabbed through
                if "procedure index" in page_type:
                    expect(page.locator(".compare-tray__list li")).to_have_count(TICKED)
                summary = f"{len(hidden)} covered, {len(unchanged)} without a visible change"
                assert not hidden and not unchanged, "\n".join(
                    [f"Of {stops} Tab stops, {summary}:", *hidden[:6], *unchanged[:6]]
                )
    finally:
        context.close()


@pytest.mark.parametrize(
    ("viewport", "forced_colors"),
    [(PHONE, "none"), (DESKTOP, "none"), (ZOOMED, "none"), (PHONE, "active"), (DESKTOP, "active")],
    ids=["phone", "desktop", "400%-zoom", "phone-forced-colours", "desktop-forced-colours"],
)
def test_focus_is_never_covered_and_always_shows(
    browser, site_url, viewport, forced_colors, subtests
):
    check_every_stop(browser, site_url, viewport, forced_colors, PAGE_TYPES, subtests)


@pytest.mark.parametrize(
    ("viewport", "forced_colors"),
    [(PHONE, "none"), (DESKTOP, "none"), (ZOOMED, "none"), (PHONE, "active"), (DESKTOP, "active")],
    ids=["phone", "desktop", "400%-zoom", "phone-forced-colours", "desktop-forced-colours"],
)
@pytest.mark.skipif(
    connection.vendor == "postgresql",
    reason="the stylesheet and scripts are the same on either database: checked on SQLite",
)
def test_every_other_page_type_too(browser, site_url, viewport, forced_colors, subtests):
    """Every other page of tests/pages.py, English and Spanish, the same five ways."""
    check_every_stop(browser, site_url, viewport, forced_colors, OTHER_PAGE_TYPES, subtests)


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
