"""
WCAG 1.4.12 (text spacing): with the line, paragraph, letter and word spacing a reader may set,
no text is cut off or runs into its neighbour. The phone menu, whose Spanish words are long,
is where it broke ("Procedimientos" ran 17 px into "Afecciones").
"""

import pytest
from playwright.sync_api import expect

from .conftest import PHONE


pytestmark = pytest.mark.django_db(transaction=True)  # the live server sees committed data

# The text-spacing styles of WCAG 1.4.12, as a reader's style sheet applies them.
TEXT_SPACING = """() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
        word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}"""

# Menu items whose text runs out of their box or into another item.
CROWDED_MENU_ITEMS = """() => {
    const links = [...document.querySelectorAll("#main-nav a")];
    const textBox = (link) => {
        const range = document.createRange();
        range.selectNodeContents(link);
        return range.getBoundingClientRect();
    };
    const overlap = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5
        && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    const problems = [];
    for (const link of links) {
        const name = link.textContent.trim();
        if (link.scrollWidth > link.clientWidth) problems.push(`${name} overflows its box`);
        for (const other of links) {
            if (other !== link && overlap(textBox(link), other.getBoundingClientRect())) {
                problems.push(`${name} runs into ${other.textContent.trim()}`);
            }
        }
    }
    return problems;
}"""


@pytest.mark.parametrize("path", ["/es/", "/"], ids=["spanish", "english"])
def test_the_phone_menu_keeps_its_words_apart_with_wider_text_spacing(browser, site_url, path):
    """WCAG 1.4.12: with the text spacing a reader may set, no menu item overflows."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(site_url + path)
        page.evaluate(TEXT_SPACING)
        button = page.locator(".menu-toggle")
        button.tap()
        expect(button).to_have_attribute("aria-expanded", "true")
        assert page.evaluate(CROWDED_MENU_ITEMS) == []
    finally:
        context.close()
