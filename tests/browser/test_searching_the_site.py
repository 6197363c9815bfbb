"""Searching the site in Chromium: its suggestions with the keyboard, and without JavaScript."""

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP


pytestmark = pytest.mark.django_db(transaction=True)  # the live server sees committed data


def test_search_suggestions_work_with_the_keyboard(page, site_url):
    page.set_viewport_size(DESKTOP)
    page.goto(site_url + "/")
    box = page.locator("#site-search")
    expect(box).to_have_attribute("role", "combobox")
    expect(box).to_have_attribute("aria-expanded", "false")
    box.fill("sac")
    listbox = page.locator("#site-search-suggestions")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    options = listbox.get_by_role("option")
    assert options.count() >= 3
    expect(page.get_by_role("status")).to_contain_text("suggestions available")

    page.keyboard.press("ArrowDown")
    first = options.nth(0)
    expect(first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", first.get_attribute("id"))
    page.keyboard.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")

    page.keyboard.press("ArrowDown")  # opens the list again
    expect(listbox).to_be_visible()
    page.keyboard.press("ArrowDown")
    target = options.nth(0).get_attribute("data-url")
    page.keyboard.press("Enter")
    expect(page).to_have_url(site_url + target)


def test_search_works_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url + "/")
        page.locator("#site-search").fill("slipped disc")
        page.locator("#site-search").press("Enter")
        expect(page.locator("h1")).to_have_text("Search results for “slipped disc”")
        page.locator(".search-result__title a").first.click()
        expect(page.locator("h1")).to_have_text("Herniated disc")
    finally:
        context.close()
