"""
Comparing procedures in Chromium: on a phone then asking about them, as a table on a wide screen
and on paper, and the procedure list's tray of procedures to compare.
"""

import re

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP, PHONE
from .test_accessibility import check_current_page


pytestmark = pytest.mark.django_db(transaction=True)  # the live server sees committed data


def test_comparing_two_procedures_on_a_phone_then_asking_about_them(browser, site_url):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()

    def fits():
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    try:
        page.goto(site_url + "/procedures/lumbar-facet-injection/")
        box = page.locator(".compare-box")
        box.get_by_label("Radiofrequency medial branch neurotomy").tap()
        box.get_by_role("button", name="Compare").tap()
        expect(page.locator("h1")).to_have_text("Compare procedures")
        # On a phone: one procedure after another, no table to scroll sideways.
        expect(page.locator(".compare-table")).to_be_hidden()
        cards = page.locator(".compare-card h2")
        expect(cards).to_have_text(
            ["Lumbar facet injection", "Radiofrequency medial branch neurotomy"]
        )
        fits()
        # A third one, from the list on the same page.
        page.get_by_label("Sacroiliac joint injection").tap()
        page.locator(".compare-picker").get_by_role("button", name="Compare").tap()
        expect(page.locator(".compare-card h2")).to_have_count(3)
        fits()
        check_current_page(page)  # axe on the phone
        page.locator(".call-box").get_by_role("link", name="Request an appointment online").tap()
        expect(page.locator(".related-note")).to_contain_text(
            "You are asking about the procedures you compared"
        )
        expect(page.locator(".related-note")).to_contain_text("Sacroiliac joint injection")
        fits()
    finally:
        context.close()


def test_a_comparison_is_a_table_on_a_wide_screen_and_on_paper(browser, site_url):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    try:
        page.goto(
            site_url + "/procedures/compare/?p=lumbar-facet-injection"
            "&p=radiofrequency-medial-branch-neurotomy&p=sacroiliac-joint-injection&p=kyphoplasty"
        )
        table = page.locator(".compare-table")
        expect(table).to_be_visible()
        expect(page.locator(".compare-card").first).to_be_hidden()
        assert page.evaluate("document.documentElement.scrollWidth") <= DESKTOP["width"]
        # Four procedures with their serious risks fill two sheets; the table's header row
        # (the procedures' names) is repeated on each.
        assert table.locator("thead").evaluate("e => getComputedStyle(e).display") == (
            "table-header-group"
        )
        for paper in ("Letter", "A4"):
            pdf = page.pdf(format=paper, prefer_css_page_size=True)
            assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) <= 2, paper
    finally:
        context.close()


def test_the_procedure_list_keeps_a_tray_of_procedures_to_compare(page, site_url):
    page.set_viewport_size(DESKTOP)
    page.goto(site_url + "/procedures/")
    tray = page.get_by_role("region", name="Procedures to compare")
    expect(tray).to_be_hidden()
    page.get_by_label("Compare Lumbar facet injection").check()
    expect(tray).to_be_visible()
    expect(tray).to_contain_text("Choose one more to compare.")
    expect(tray.get_by_role("link", name="Compare")).to_be_hidden()
    page.get_by_label("Compare Kyphoplasty").check()
    expect(tray.get_by_role("listitem")).to_have_text(["Lumbar facet injection", "Kyphoplasty"])
    # The choice is in the page's own address: a reload keeps it, nothing else stores it.
    expect(page).to_have_url(re.compile(r"\?compare=lumbar-facet-injection%2Ckyphoplasty$"))
    page.reload()
    expect(page.get_by_label("Compare Kyphoplasty")).to_be_checked()
    assert not any("kyphoplasty" in cookie["value"] for cookie in page.context.cookies())
    assert page.evaluate("window.localStorage.length + window.sessionStorage.length") == 0
    # Four at most: the other boxes wait until one is unticked.
    page.get_by_label("Compare Discography").check()
    page.get_by_label("Compare Prolotherapy").check()
    expect(tray).to_contain_text("the most you can compare")
    expect(page.get_by_label("Compare Botox injections")).to_be_disabled()
    check_current_page(page)  # axe, with the tray open
    page.get_by_label("Compare Prolotherapy").uncheck()
    page.get_by_label("Compare Discography").uncheck()
    tray.get_by_role("link", name="Compare").click()
    expect(page.locator(".compare-table thead th")).to_have_text(
        ["Lumbar facet injection", "Kyphoplasty"]
    )
