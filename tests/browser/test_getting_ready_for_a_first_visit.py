"""
A new patient on a phone gets ready for a first visit, in Chromium: insurance, common questions and
a search in their own words.
"""

import re

import pytest
from playwright.sync_api import expect

from .calling import CALL_HREF
from .conftest import PHONE


pytestmark = pytest.mark.django_db(transaction=True)  # the live server sees committed data


def test_a_new_patient_on_a_phone_gets_ready_for_a_first_visit(browser, site_url):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(site_url + "/")
        ready = page.get_by_role("region", name="Before your first visit")
        ready.get_by_role("link", name=re.compile("Insurance and billing")).tap()
        expect(page.locator("h1")).to_have_text("Insurance and billing")
        plans = page.locator("section.insurance")
        expect(plans.get_by_role("heading", name="Medicaid")).to_be_visible()
        expect(plans.get_by_role("link", name="(312) 555-0147")).to_have_attribute(
            "href", CALL_HREF
        )
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

        page.go_back()
        ready.get_by_role("link", name=re.compile("Common questions")).tap()
        question = page.locator("summary", has_text="Can I drive myself home")
        answer = page.locator("details", has=question).locator(".questions__answer")
        expect(answer).to_be_hidden()
        question.tap()
        expect(answer).to_be_visible()
        expect(answer).to_contain_text("Not if you had sedation")
        question.tap()
        expect(answer).to_be_hidden()

        # Searching in the patient's own words.
        page.locator("#site-search").fill("do you take Medicare")
        page.locator("#site-search").press("Enter")
        first = page.locator(".search-result a").first
        expect(first).to_have_text(re.compile("Insurance and billing"))
        first.tap()
        page.get_by_role("link", name="Your first visit").first.tap()
        expect(page.locator("h1")).to_have_text("Your first visit")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    finally:
        context.close()
