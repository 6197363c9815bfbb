"""
Asking for an appointment from the Spanish site: the request names the English page for the front
desk, and its mistakes, confirmation, refusals and the error pages are in Spanish.
"""

import pytest
from bs4 import BeautifulSoup

from django.test import override_settings

from appointments.models import AppointmentRequest
from procedures.models import ProcedurePage
from tests.appointments.conftest import PATIENT
from tests.pages import soup, texts

from .cervical_epidural import SPANISH


pytestmark = pytest.mark.django_db


def test_an_appointment_asked_from_a_spanish_page_names_the_english_page(client, spanish):
    english = ProcedurePage.objects.get(
        slug="cervical-epidural-injection", locale__language_code="en"
    )
    form = soup(client.get(f"/es/appointments/request/?about={spanish.pk}"))
    assert "Inyección epidural cervical" in form.get_text()
    response = client.post(
        f"/es/appointments/request/?about={spanish.pk}",
        {**PATIENT, "about": spanish.pk, "name": "Ana Ejemplo"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"].startswith("/es/appointments/request/sent/")
    assert AppointmentRequest.objects.get().about_page_id == english.pk


def test_the_appointment_form_explains_mistakes_in_spanish(client, spanish):
    response = client.post(
        "/es/appointments/request/",
        {**PATIENT, "name": "", "phone": "llámeme", "email": "", "consent": ""},
    )
    assert response.status_code == 400
    page = BeautifulSoup(response.content, "html.parser")
    errors = texts(page.select(".field__error"))
    assert "Error: Escriba su nombre, para saber por quién preguntar." in errors
    assert any("Escriba un número de teléfono con cifras" in error for error in errors)
    assert "Error: Marque la casilla para aceptar, o llámenos." in errors
    assert not AppointmentRequest.objects.exists()


def test_the_confirmation_and_the_not_found_page_are_in_spanish(client, spanish):
    response = client.post("/es/appointments/request/", {**PATIENT, "name": "Ana Ejemplo"})
    confirmation = soup(client.get(response["Location"]))
    assert confirmation.h1.get_text(strip=True) == "Gracias, su solicitud se ha enviado"
    assert confirmation.html["lang"] == "es"
    missing = client.get("/es/procedimientos/no-existe/")
    assert missing.status_code == 404
    page = BeautifulSoup(missing.content, "html.parser")
    assert page.h1.get_text(strip=True) == "No encontramos la página"


@override_settings(APPOINTMENT_RATE_LIMIT=(1, 3600))
def test_the_refusals_and_the_500_page_are_in_spanish(client, spanish, monkeypatch):
    assert client.post("/es/appointments/request/", PATIENT).status_code == 302
    refused = client.post("/es/appointments/request/", PATIENT)
    assert refused.status_code == 429
    page = BeautifulSoup(refused.content, "html.parser")
    assert page.html["lang"] == "es"
    assert "varias solicitudes desde su conexión" in page.get_text()
    assert 'value="Pat Example"' in refused.content.decode()  # nothing typed is lost

    def broken(self, request, *args, **kwargs):
        raise RuntimeError("a bug in a page")

    monkeypatch.setattr(ProcedurePage, "get_context", broken)
    client.raise_request_exception = False
    response = client.get(SPANISH)
    assert response.status_code == 500
    error = BeautifulSoup(response.content, "html.parser")
    assert error.html["lang"] == "es"
    assert error.h1.get_text(strip=True) == "Lo sentimos, hay un problema con este sitio"
    assert error.select_one("a[href='tel:+13125550147']")
    assert "911" in error.get_text()
