"""Journeys a patient takes through the site, in Chromium, with a mouse, a keyboard and a phone."""

import re

import pytest
from playwright.sync_api import expect

from appointments.models import AppointmentRequest
from clinic.models import ClinicSettings

from .conftest import DESKTOP, PHONE
from .test_accessibility import check_current_page


pytestmark = pytest.mark.django_db(transaction=True)  # the live server sees committed data

CALL_HREF = "tel:+13125550147"

FOCUS_STATE = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(box.top + Math.min(box.height / 2, 10), 0), innerHeight - 1);
    const onTop = document.elementFromPoint(x, y);
    return {
        tag: el.tagName,
        text: (el.innerText || el.textContent || "").trim().replace(/\\s+/g, " "),
        // Where a link leads, as a path (some lists link relative to their page).
        href: el.href ? (el.href.startsWith("http") ? el.pathname + el.search + el.hash : el.href) : null,
        id: el.id,
        outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
        shadow: style.boxShadow !== "none",
        inViewport: box.bottom > 0 && box.top < innerHeight && box.width > 0 && box.height > 0,
        unobscured: onTop !== null && (onTop === el || el.contains(onTop) || onTop.contains(el)),
    };
}"""


def focus_state(page):
    return page.evaluate(FOCUS_STATE)


def assert_focus_visible(state):
    assert state["outline"] or state["shadow"], f"no visible focus on {state}"
    assert state["inViewport"], f"focused element is off screen: {state}"
    assert state["unobscured"], f"focused element is hidden behind something: {state}"


def tab_to(page, matches, limit=200):
    """Press Tab until the focused element matches; every stop on the way shows its focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = focus_state(page)
        if state["tag"] != "BODY":
            assert_focus_visible(state)
        if matches(state):
            return state
    raise AssertionError("never reached the element with the keyboard")


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


def test_from_the_news_to_a_post_and_its_author(page, site_url, post_by_fictional_physician):
    page.set_viewport_size(DESKTOP)
    page.goto(site_url + "/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="News").click()
    expect(page.locator("h1")).to_have_text("News")
    page.get_by_role("link", name=post_by_fictional_physician.title).click()
    expect(page.locator("h1")).to_have_text(post_by_fictional_physician.title)
    page.locator(".byline").get_by_role("link").click()
    expect(page.locator("h1")).to_have_text(post_by_fictional_physician.author.display_name)


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


def test_requesting_an_appointment_with_the_keyboard_alone(page, site_url):
    page.goto(site_url + "/procedures/sacroiliac-joint-injection/")
    tab_to(page, lambda state: state["text"] == "Request an appointment online")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/appointments/request/\?about=\d+$"))
    expect(page.get_by_text("You are asking about")).to_contain_text("Sacroiliac joint injection")

    tab_to(page, lambda state: state["id"] == "id_name")
    page.keyboard.type("Pat Example")
    tab_to(page, lambda state: state["id"] == "id_phone")
    page.keyboard.type("(312) 555-0190")
    tab_to(page, lambda state: state["id"] == "id_patient_type_0")
    page.keyboard.press("Space")
    tab_to(page, lambda state: state["id"] == "id_preferred_days_1")
    page.keyboard.press("Space")  # Tuesday
    # Sent without ticking the consent box: the page says so and keeps every answer.
    tab_to(page, lambda state: state["text"] == "Send my request")
    page.keyboard.press("Enter")
    expect(page.locator(".error-summary")).to_contain_text("Please tick the box to agree")
    expect(page.locator("#id_name")).to_have_value("Pat Example")
    expect(page.locator("#id_preferred_days_1")).to_be_checked()
    check_current_page(page)

    tab_to(page, lambda state: state["id"] == "id_consent")
    page.keyboard.press("Space")
    tab_to(page, lambda state: state["text"] == "Send my request")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Thank you, your request has been sent"
    )
    sent = AppointmentRequest.objects.get()
    assert (sent.name, sent.phone, sent.preferred_days) == (
        "Pat Example",
        "(312) 555-0190",
        ["tue"],
    )
    assert sent.about_page.slug == "sacroiliac-joint-injection"


def test_checkboxes_keep_their_size_beside_a_long_label_on_a_phone(browser, site_url):
    """The consent box sits beside two lines of text: it must stay a box a finger can hit."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(site_url + "/appointments/request/")
        boxes = page.locator("input[type=checkbox]:visible")
        assert boxes.count() >= 5  # days, times and the consent
        for index in range(boxes.count()):
            box = boxes.nth(index).bounding_box()
            assert box["width"] >= 24 and box["height"] >= 24, box
            assert abs(box["width"] - box["height"]) < 2, box  # square, not squashed
    finally:
        context.close()


def test_news_card_images_span_their_card(browser, site_url):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    try:
        page.goto(site_url + "/news/")
        cards = page.locator(".news-card:has(img)")
        assert cards.count() >= 1
        for index in range(cards.count()):
            card = cards.nth(index)
            card_box = card.bounding_box()
            image_box = card.locator("img").bounding_box()
            # Edge to edge inside the card's 1 px border: no white strip beside the image.
            assert abs(image_box["width"] - (card_box["width"] - 2)) <= 1, (card_box, image_box)
            assert abs(image_box["x"] - (card_box["x"] + 1)) <= 1, (card_box, image_box)
    finally:
        context.close()


def test_a_spanish_speaking_patient_asks_for_an_appointment_on_a_phone(browser, site_url):
    """Home in English → Español → the menu → a procedure → the request form, all in Spanish."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()

    def fits():
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        assert page.evaluate("document.documentElement.lang") == "es"

    try:
        page.goto(site_url + "/")
        page.locator(".language-bar").get_by_role("link", name="Español").tap()
        expect(page).to_have_url(site_url + "/es/")
        fits()
        menu_button = page.get_by_role("button", name="Menú")
        menu_button.tap()
        expect(menu_button).to_have_attribute("aria-expanded", "true")
        page.get_by_role("navigation", name="Principal").get_by_role(
            "link", name="Procedimientos"
        ).tap()
        expect(page).to_have_url(site_url + "/es/procedimientos/")
        fits()
        page.get_by_role("link", name="Inyección en la articulación sacroilíaca").first.tap()
        expect(page.locator("h1")).to_have_text("Inyección en la articulación sacroilíaca")
        fits()
        expect(page.locator(".review-line")).to_contain_text("todavía no la ha revisado un médico")

        page.get_by_role("link", name="Pedir una cita por internet").first.tap()
        expect(page).to_have_url(re.compile(r"/es/appointments/request/\?about=\d+$"))
        expect(page.get_by_text("Pregunta por")).to_contain_text(
            "Inyección en la articulación sacroilíaca"
        )
        fits()
        page.locator("#id_name").fill("Paz Ejemplo")
        page.locator("#id_phone").fill("(312) 555-0190")
        page.locator("#id_patient_type_0").tap()
        page.locator("#id_preferred_days_1").tap()
        # Sent without the consent: the error is in Spanish and every answer is kept.
        page.get_by_role("button", name="Enviar mi solicitud").tap()
        expect(page.locator(".error-summary")).to_contain_text("Marque la casilla para aceptar")
        expect(page.locator("#id_name")).to_have_value("Paz Ejemplo")
        fits()
        page.locator("#id_consent").tap()
        page.get_by_role("button", name="Enviar mi solicitud").tap()
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Gracias, su solicitud se ha enviado"
        )
        fits()
        check_current_page(page)  # axe on the phone, in Spanish
    finally:
        context.close()
    sent = AppointmentRequest.objects.get()
    assert (sent.name, sent.preferred_days) == ("Paz Ejemplo", ["tue"])
    assert sent.about_page.slug == "sacroiliac-joint-injection"  # the front desk's English page


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
