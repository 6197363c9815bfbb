"""
A form sent with mistakes, as GOV.UK and the NHS answer it: the page's title starts with
"Error:", focus lands on the error summary at the top of the main content, and each link in the
summary moves focus to its field with the field's label (or legend) and error message in view.
"""

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP, PHONE


pytestmark = pytest.mark.django_db(transaction=True)  # the live server sees committed data

VIEWPORTS = pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])

# Whether an element lies wholly inside the window.
IN_VIEW = """el => {
    const box = el.getBoundingClientRect();
    return box.height > 0 && box.top >= 0 && box.bottom <= innerHeight;
}"""

# The label of a field, or the legend of its group of radios or checkboxes.
CAPTION = """input => {
    const group = input.closest("fieldset.field--group");
    return group ? group.querySelector("legend") : document.querySelector(`label[for="${input.id}"]`);
}"""


def send_empty_form_by_keyboard(page, url, button_name):
    page.goto(url)
    page.get_by_role("button", name=button_name).focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")


def assert_link_shows_its_field(page, link):
    """Activating an error link focuses its field, with its label and error message on screen."""
    target = link.get_attribute("href").removeprefix("#")
    link.focus()
    page.keyboard.press("Enter")
    field = page.locator(f"[id='{target}']")
    expect(field).to_be_focused()
    caption = field.evaluate_handle(CAPTION).as_element()
    error = page.locator(f"[id='{target.removesuffix('_0')}_error']")
    what = f"{link.inner_text()} ({target})"
    assert caption.evaluate(IN_VIEW), f"the label of {what} is off screen"
    assert error.evaluate(IN_VIEW), f"the error message of {what} is off screen"
    assert field.evaluate(IN_VIEW), f"the field of {what} is off screen"


@VIEWPORTS
@pytest.mark.parametrize(
    ("path", "button_name", "summary_text"),
    [
        ("/appointments/request/", "Send my request", "Enter your name"),
        ("/es/appointments/request/", "Enviar mi solicitud", "Escriba su nombre"),
    ],
    ids=["english", "spanish"],
)
def test_an_empty_request_takes_the_keyboard_to_the_error_summary_and_each_field(
    browser, site_url, viewport, path, button_name, summary_text
):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    try:
        send_empty_form_by_keyboard(page, site_url + path, button_name)
        assert page.title().startswith("Error: ")
        summary = page.locator(".error-summary")
        expect(summary).to_be_focused()
        expect(summary).to_contain_text(summary_text)
        assert summary.evaluate(IN_VIEW)

        links = summary.get_by_role("link")
        assert links.count() >= 3  # name, a way to reach you, been before, consent
        # The first Tab from the summary reaches its first link.
        page.keyboard.press("Tab")
        expect(links.first).to_be_focused()
        for index in range(links.count()):
            page.evaluate("window.scrollTo(0, 0)")
            assert_link_shows_its_field(page, links.nth(index))
    finally:
        context.close()


def test_without_javascript_the_summary_is_the_first_thing_in_the_main_content(browser, site_url):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    try:
        send_empty_form_by_keyboard(page, site_url + "/appointments/request/", "Send my request")
        assert page.title().startswith("Error: ")
        # Skip to main content, then one Tab: the summary's first link.
        page.locator(".skip-link").focus()
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        expect(page.locator(".error-summary a").first).to_be_focused()
        first_in_main = page.locator("main > *").first
        expect(first_in_main.locator(".error-summary")).to_have_count(1)
        assert page.locator(".error-summary").evaluate(IN_VIEW)
    finally:
        context.close()


@VIEWPORTS
def test_a_bad_filter_in_the_physician_directory_is_announced_the_same_way(
    browser, site_url, viewport
):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    try:
        response = page.goto(site_url + "/physicians/?procedure=no-such-procedure")
        assert response.status == 400
        assert page.title().startswith("Error: ")
        summary = page.locator(".error-summary")
        expect(summary).to_be_focused()
        assert_link_shows_its_field(page, summary.get_by_role("link").first)
    finally:
        context.close()


@pytest.mark.parametrize(
    "path",
    [
        "/search/?q=" + "pain " * 60,
        "/procedures/compare/?p=no-such-procedure&p=kyphoplasty",
    ],
    ids=["search too long", "comparison with a bad choice"],
)
def test_other_pages_answering_bad_input_say_error_in_their_title_and_focus_the_summary(
    page, site_url, path
):
    response = page.goto(site_url + path)
    assert response.status == 400
    assert page.title().startswith("Error: ")
    expect(page.locator(".error-summary")).to_be_focused()
