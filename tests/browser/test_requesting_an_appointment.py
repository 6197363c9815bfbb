"""
Requesting an appointment in Chromium: with the keyboard alone, on a phone (checkboxes a finger can
hit), and as a Spanish-speaking patient from the English home page.
"""

import re

import pytest
from playwright.sync_api import expect

from appointments.models import AppointmentRequest

from .conftest import PHONE
from .keyboard import tab_to
from .test_accessibility import check_current_page


pytestmark = pytest.mark.django_db(transaction=True)  # the live server sees committed data


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
