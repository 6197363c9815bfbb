"""
Every page type checked with axe-core in Chromium, at phone and desktop widths, against the
WCAG 2.0, 2.1 and 2.2 A and AA rules, plus the structure a screen reader user relies on.
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.pages import ALL_PAGES, expected_status

from .conftest import DESKTOP, PHONE


pytestmark = pytest.mark.django_db(transaction=True)  # the live server sees committed data

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
# Structure rules axe files under best practice; we hold ourselves to them too.
STRUCTURE_RULES = [
    "landmark-one-main",
    "landmark-no-duplicate-banner",
    "landmark-no-duplicate-contentinfo",
    "landmark-unique",
    "page-has-heading-one",
    "region",
    "heading-order",
    "skip-link",
]

# The fictional physician has a photo, so the profile's image markup is checked too.
PAGE_TYPES = {**ALL_PAGES, "physician": "/physicians/alex-example/"}

axe = Axe()


def report(results):
    lines = []
    for violation in results.response["violations"]:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines += [
            f"    {node['target']}: {node['failureSummary']}" for node in violation["nodes"][:5]
        ]
    return "\n".join(lines)


def check_page(page, url):
    response = page.goto(url)
    assert response.status == expected_status(url)
    check_current_page(page)


def check_current_page(page):
    """axe-core's WCAG 2.2 A/AA and structure rules, and the basics, on the page as it is now."""
    wcag = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert wcag.violations_count == 0, report(wcag)
    structure = axe.run(page, options={"runOnly": {"type": "rule", "values": STRUCTURE_RULES}})
    assert structure.violations_count == 0, report(structure)

    assert page.locator("h1").count() == 1
    assert page.locator("html").get_attribute("lang") == ("es" if "/es/" in page.url else "en")
    for landmark in ["banner", "navigation", "main", "contentinfo"]:
        assert page.get_by_role(landmark).count() >= 1, landmark
    images = page.locator("main img")
    for index in range(images.count()):
        image = images.nth(index)
        assert image.get_attribute("alt"), image.evaluate("el => el.outerHTML")
        # Width and height are given, so the page does not jump while images load.
        assert image.get_attribute("width") and image.get_attribute("height")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_every_page_type_passes_axe(browser, site_url, fictional_physician, viewport, subtests):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    try:
        for page_type, path in PAGE_TYPES.items():
            with subtests.test(page_type=page_type):
                check_page(page, site_url + path)
    finally:
        context.close()


# Elements that reach past the right edge of the window, for the failure message.
WIDER_THAN_THE_WINDOW = """() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll("body *")]
        .filter((el) => el.getBoundingClientRect().right > width + 0.5)
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className} ends at ${Math.round(el.getBoundingClientRect().right)}px`);
}"""


@pytest.mark.parametrize(
    ("width", "text_size"),
    [(320, None), (640, "200%")],
    ids=["320px", "640px-with-text-at-200%"],
)
def test_every_page_type_reflows_without_scrolling_sideways(
    browser, site_url, fictional_physician, width, text_size, subtests
):
    """
    WCAG 1.4.10 (content reflows at 320 CSS pixels) and 1.4.4 (text at 200% loses nothing),
    which axe does not test: no page scrolls sideways, with the main menu open.
    """
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        for page_type, path in PAGE_TYPES.items():
            with subtests.test(page_type=page_type):
                response = page.goto(site_url + path)
                assert response.status == expected_status(site_url + path)
                if text_size:
                    page.evaluate(
                        "size => { document.documentElement.style.fontSize = size; }", text_size
                    )
                menu = page.get_by_role("button", name="Menu")
                if menu.count() and menu.get_attribute("aria-expanded") == "false":
                    menu.click()
                    expect(page.locator("#main-nav")).to_be_visible()
                scroll_width = page.evaluate("document.documentElement.scrollWidth")
                assert scroll_width <= width, page.evaluate(WIDER_THAN_THE_WINDOW)
    finally:
        context.close()


def test_open_search_suggestions_pass_axe(page, site_url):
    page.set_viewport_size(DESKTOP)
    page.goto(site_url + "/")
    page.locator("#site-search").fill("sac")
    page.locator("#site-search-suggestions [role=option]").first.wait_for()
    page.keyboard.press("ArrowDown")
    wcag = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert wcag.violations_count == 0, report(wcag)


def test_touch_targets_are_at_least_24_pixels(browser, site_url, fictional_physician):
    """Links and buttons outside running text can be hit by an unsteady finger (WCAG 2.5.8)."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        for path in PAGE_TYPES.values():
            page.goto(site_url + path)
            # WCAG 2.5.8 exempts links inside a sentence; everything else must be 24 x 24.
            small = page.evaluate(
                """() => [...document.querySelectorAll('a, button, summary')]
                    .filter(el => el.offsetParent !== null)
                    .filter(el => el.parentElement.textContent.trim() === el.textContent.trim())
                    .map(el => [el.textContent.trim(), el.getBoundingClientRect()])
                    .filter(([, box]) => box.width < 24 || box.height < 24)
                    .map(([text, box]) => `${text} ${Math.round(box.width)}x${Math.round(box.height)}`)"""
            )
            assert small == [], f"{path}: {small}"
    finally:
        context.close()


def test_a_procedure_page_prints_as_a_clean_handout(page, site_url, tmp_path):
    page.set_viewport_size(DESKTOP)
    page.goto(site_url + "/procedures/sacroiliac-joint-injection/")
    page.emulate_media(media="print")
    hidden_on_paper = [".main-nav", ".breadcrumbs", ".aside", ".skip-link", ".site-header__call"]
    for hidden in [*hidden_on_paper, "#conditions-heading"]:
        assert not page.locator(hidden).first.is_visible(), hidden
    # What to do before, the risks and when to get help are on paper too.
    for shown in ["h1", ".glance", ".prose", "#before", "#risks", "#get-help", ".emergency-notice"]:
        assert page.locator(shown).first.is_visible(), shown
    # Collapsed answers are printed open, so nothing is lost on paper.
    assert page.locator(".questions__answer").first.is_visible()
    pdf = tmp_path / "handout.pdf"
    page.pdf(path=pdf, format="Letter")
    content = pdf.read_bytes()
    assert content.startswith(b"%PDF") and len(content) > 10_000
    pages = len(re.findall(rb"/Type\s*/Page[^s]", content))
    assert 1 <= pages <= 5, f"the handout runs to {pages} pages"
