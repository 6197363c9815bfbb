"""The site's own 404 and 500 pages."""

import psycopg
import pytest
from bs4 import BeautifulSoup

from django.db import connection

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


def test_a_connection_lost_while_a_page_renders_is_the_outage_page_not_a_500(client):
    """psycopg's own error, unwrapped by Django (a server-side cursor closed mid-render)."""

    def connection_lost(execute, sql, params, many, context):
        raise psycopg.OperationalError("server closed the connection unexpectedly")

    client.raise_request_exception = False
    with connection.execute_wrapper(connection_lost):
        response = client.get("/procedures/kyphoplasty/")
    assert response.status_code == 503
    assert response["Retry-After"]
    assert "call 911" in BeautifulSoup(response.content, "html.parser").get_text()
