"""Headers and answers an attacker probes: Permissions-Policy, TRACE, the admin's CSP, CSRF."""

import pytest
from bs4 import BeautifulSoup

from django.test import Client


pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/", "/procedures/", "/robots.txt", "/admin/login/", "/nope/"])
def test_every_response_turns_off_browser_features_the_site_never_uses(client, url):
    policy = client.get(url).headers["Permissions-Policy"]
    for feature in ["camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"]:
        assert feature in policy


@pytest.mark.parametrize("method", ["TRACE", "TRACK", "CONNECT"])
def test_trace_and_its_kind_are_refused(client, method):
    response = client.generic(method, "/")
    assert response.status_code == 405
    assert "TRACE" not in response.headers["Allow"]


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        ("/", "GET, HEAD, OPTIONS"),
        ("/procedures/sacroiliac-joint-injection/", "GET, HEAD, OPTIONS"),
        ("/search/", "GET, HEAD, OPTIONS"),
        ("/appointments/request/", "GET, HEAD, POST, OPTIONS"),
        ("/es/appointments/request/", "GET, HEAD, POST, OPTIONS"),
    ],
)
def test_options_names_only_the_methods_an_address_takes(client, path, allowed):
    response = client.options(path)
    assert response.status_code == 200
    assert response["Allow"] == allowed
    assert response.content == b""


def test_the_admin_only_sends_forms_to_itself(client):
    policy = client.get("/admin/login/").headers["Content-Security-Policy"]
    assert "form-action 'self'" in policy


def test_a_refused_form_gets_the_sites_own_page_with_the_phone_number():
    browser = Client(enforce_csrf_checks=True)
    response = browser.post("/appointments/request/", {"name": "Pat"})  # no CSRF token
    assert response.status_code == 403
    page = BeautifulSoup(response.content, "html.parser")
    assert page.h1.get_text() == "Please send the form again"
    assert page.select_one('link[rel=stylesheet][href$="site.css"]')
    call = page.select_one(".call-box a.button--call")
    assert call["href"].startswith("tel:+1")
    assert "Content-Security-Policy" in response.headers
