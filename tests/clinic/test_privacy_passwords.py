"""Guessing a page's or a document collection's privacy password is slowed down, like sign-in."""

import pytest
from bs4 import BeautifulSoup

from django.test import override_settings
from django.urls import reverse

from wagtail.models import CollectionViewRestriction, PageViewRestriction

from home.models import StandardPage
from tests.fictional_content import private_document


pytestmark = pytest.mark.django_db


@pytest.fixture
def private_page():
    page = StandardPage.objects.live().filter(locale__language_code="en").first()
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="the-right-one"
    )
    address = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    return page, address


def try_password(client, address, password, **extra):
    return client.post(address, {"password": password, "return_url": "/"}, **extra)


@override_settings(PRIVACY_PASSWORD_RATE_LIMIT=(3, 900))
def test_wrong_page_passwords_are_slowed_down(client, private_page):
    _, address = private_page
    for _ in range(3):
        assert try_password(client, address, "a-guess").status_code == 200  # the form again
    refused = try_password(client, address, "the-right-one")
    assert refused.status_code == 429
    assert refused["Retry-After"] == "900"
    html = BeautifulSoup(refused.content, "html.parser")
    assert html.h1.get_text(strip=True) == "Too many wrong passwords"
    assert "Please wait 15 minutes" in html.get_text()
    # Another address is not held back by this one's guesses.
    other = try_password(client, address, "the-right-one", REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


@override_settings(PRIVACY_PASSWORD_RATE_LIMIT=(3, 900))
def test_the_right_password_is_not_counted(client, private_page):
    _, address = private_page
    for _ in range(5):
        assert try_password(client, address, "the-right-one").status_code == 302


@override_settings(PRIVACY_PASSWORD_RATE_LIMIT=(1, 900))
def test_guesses_from_many_addresses_together_are_slowed_down_too(client, private_page):
    _, address = private_page
    for n in range(10):
        try_password(client, address, "a-guess", REMOTE_ADDR=f"10.0.1.{n}")
    assert try_password(client, address, "the-right-one", REMOTE_ADDR="10.0.2.1").status_code == 429


@override_settings(PRIVACY_PASSWORD_RATE_LIMIT=(2, 900))
def test_wrong_document_collection_passwords_are_slowed_down(client):
    _, restriction = private_document(CollectionViewRestriction.PASSWORD, password="right")
    address = reverse("wagtaildocs_authenticate_with_password", args=[restriction.pk])
    for _ in range(2):
        assert try_password(client, address, "guess").status_code == 200
    assert try_password(client, address, "right").status_code == 429
