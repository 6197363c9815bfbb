"""The site's own 404 and 500 pages."""

import pytest
from bs4 import BeautifulSoup

from procedures.models import ProcedurePage


pytestmark = pytest.mark.django_db


def test_unknown_address_answers_404_with_the_sites_own_page(client):
    response = client.get("/procedures/no-such-procedure/")
    assert response.status_code == 404
    page = BeautifulSoup(response.content, "html.parser")
    assert page.h1.get_text() == "Page not found"
    assert page.select_one("header a[href^='tel:']")  # the patient can still call
    assert "/procedures/" in [a["href"] for a in page.select("main a")]


def test_unpublished_page_answers_404(client):
    page = ProcedurePage.objects.get(slug="kyphoplasty")
    page.unpublish()
    assert client.get("/procedures/kyphoplasty/").status_code == 404


def test_server_error_shows_the_sites_own_500_page(client, monkeypatch):
    def broken(self, request, *args, **kwargs):
        raise RuntimeError("a bug in a page")

    monkeypatch.setattr(ProcedurePage, "get_context", broken)
    client.raise_request_exception = False
    response = client.get("/procedures/kyphoplasty/")
    assert response.status_code == 500
    page = BeautifulSoup(response.content, "html.parser")
    assert page.h1.get_text() == "Sorry, there is a problem with this website"
    assert page.select_one("a[href='tel:+13125550147']")
    assert "call 911" in page.get_text()
