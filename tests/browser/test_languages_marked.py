"""
WCAG 3.1.2 on the Spanish site: English text (a page not yet translated, a plan's name) is
marked lang="en", so screen readers switch voice, and a link to a page in English says so.
"""

import re

import pytest
from playwright.sync_api import expect

from wagtail.models import Locale

from clinic.models import ClinicSettings
from conditions.models import ConditionPage
from tests.pages import ALL_PAGES, expected_status

from .conftest import PHONE


pytestmark = pytest.mark.django_db(transaction=True)  # the live server sees committed data

SPANISH_PAGES = {
    **{name: path for name, path in ALL_PAGES.items() if path.startswith("/es/")},
    "spanish condition index": "/es/afecciones/",
    "spanish insurance page": "/es/su-visita/seguros-y-facturacion/",
}

# Words common in English and never Spanish words: one of them, as a whole word, in text whose
# language is Spanish gives the English away.
ENGLISH_WORDS = [
    "the", "and", "see", "with", "your", "suggestions?", "available", "of", "for", "to", "is",
    "you", "in", "on", "by", "what", "how", "this", "that", "are", "will", "our", "pain",
    "back", "neck", "disc", "disk", "joint", "injections?", "nerves?", "syndrome", "block",
]  # fmt: skip

# Text nodes of the body whose nearest lang is Spanish and that read as English.
ENGLISH_IN_SPANISH = """([words, allowed]) => {
    const english = new RegExp("\\\\b(" + words.join("|") + ")\\\\b", "i");
    const found = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (parent.closest("script, style, template")) continue;
        if (!parent.closest("[lang]").lang.startsWith("es")) continue;
        let text = node.textContent.replace(/\\s+/g, " ").trim();
        for (const name of allowed) text = text.replaceAll(name, "");
        if (english.test(text)) found.push(`${text} (in <${parent.tagName.toLowerCase()} class="${parent.className}">)`);
    }
    return found;
}"""

# Links to a page of the English site that do not say so, in their text or their list item
# (a search result says "En inglés" beside its type). The language bar's "English" says it all.
UNANNOUNCED_ENGLISH_LINKS = """() => [...document.querySelectorAll("a[href]")]
    .filter((link) => {
        const url = new URL(link.href, location.href);
        return url.origin === location.origin && !url.pathname.startsWith("/es/")
            && !/^\\/(static|media)\\//.test(url.pathname) && !link.closest(".language-bar");
    })
    .filter((link) => !/ingl[eé]s/i.test((link.closest("li") || link).textContent))
    .map((link) => `${link.textContent.trim()} → ${new URL(link.href).pathname}`)"""


def proper_names():
    return [ClinicSettings.objects.get().clinic_name]


def english_left_unmarked(page):
    return page.evaluate(ENGLISH_IN_SPANISH, [ENGLISH_WORDS, proper_names()])


def test_spanish_pages_mark_every_english_text_and_link(page, site_url, subtests):
    for name, path in SPANISH_PAGES.items():
        with subtests.test(page_type=name):
            response = page.goto(site_url + path)
            assert response.status == expected_status(path)
            assert english_left_unmarked(page) == []
            assert page.evaluate(UNANNOUNCED_ENGLISH_LINKS) == []


def test_search_suggestions_speak_spanish_on_the_spanish_site(browser, site_url):
    # A condition whose Spanish page is not published: its English page is suggested, marked.
    bulging = ConditionPage.objects.get(slug="bulging-disc")
    bulging.get_translation(Locale.objects.get(language_code="es")).unpublish()
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        page.goto(site_url + "/es/search/?q=disco")
        box = page.locator("#search-page-input")
        box.fill("disc")
        listbox = page.get_by_role("listbox")
        expect(listbox).to_be_visible()
        expect(listbox).to_have_attribute("aria-label", "Sugerencias")
        status = page.locator(".search-form--large [role=status]")
        expect(status).to_have_text(re.compile(r"^\d+ sugerencias? disponibles?\b"))
        assert english_left_unmarked(page) == []
        english = listbox.locator("[lang=en]")
        assert english.count() >= 1
        # Spanish pages come first; the English one says what it is.
        english_option = listbox.get_by_role("option").filter(has=page.locator("[lang=en]"))
        expect(english_option.first).to_contain_text("(en inglés)")
    finally:
        context.close()
