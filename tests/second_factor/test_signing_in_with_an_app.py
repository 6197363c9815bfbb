"""
Two-step verification: after the password, a code from an authenticator app, required of
superusers and of everyone who can read patients' appointment requests. Setting the app up,
signing in with its code or a recovery code, and what guessing or a stolen password cannot do.
"""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.urls import reverse
from django.utils import timezone

from home.roles import FRONT_DESK
from tests.accounts import app_code, make_user

from .sign_in_steps import (
    REQUESTS,
    SET_UP,
    VERIFY,
    back_at_the_code_step,
    messages_on,
    password_step,
    set_up_app,
)


pytestmark = pytest.mark.django_db


def test_the_front_desk_sets_up_an_app_before_any_admin_page_opens(client):
    desk = make_user("desk", FRONT_DESK)
    response = password_step(client, desk, next_url=REQUESTS)
    assert response.status_code == 302
    # The password alone opens nothing: every admin page leads to setting up the app.
    for address in ["/admin/", REQUESTS, REQUESTS + "?export=csv"]:
        response = client.get(address)
        assert response.status_code == 302
        assert response["Location"].startswith(SET_UP)

    page = client.get(f"{SET_UP}?next={REQUESTS}")
    assert page.status_code == 200
    html = BeautifulSoup(page.content, "html.parser")
    assert html.h1.get_text() == "Set up two-step verification"
    assert "can see patients' details" in html.get_text()
    assert html.select_one(".second-factor-qr svg title").get_text().startswith("QR code")
    key = html.select_one(".second-factor-key").get_text()
    assert re.fullmatch(r"([A-Z2-7]{4} ?)+", key)  # base32, in groups of four, to type by hand
    field = html.select_one("input[name=code]")
    assert field["autocomplete"] == "one-time-code" and field["inputmode"] == "numeric"
    assert html.select_one(f"label[for={field['id']}]").get_text(strip=True).startswith("Code")

    wrong = client.post(SET_UP, {"code": "000000", "next": REQUESTS})
    if app_code(desk) != "000000":
        assert wrong.status_code == 400
        assert "That code did not match" in messages_on(wrong)
    not_digits = client.post(SET_UP, {"code": "12ab56", "next": REQUESTS})
    assert not_digits.status_code == 400
    assert "Enter the 6 digits" in messages_on(not_digits)
    assert client.get(REQUESTS).status_code == 302  # still closed
    # A wrong code makes the next try wait a second (see the test below): that second passes.
    TOTPDevice.objects.filter(user=desk).update(
        throttling_failure_timestamp=timezone.now() - datetime.timedelta(seconds=2)
    )

    done = client.post(SET_UP, {"code": app_code(desk, steps_ahead=1), "next": REQUESTS})
    assert done.status_code == 200
    assert "no-store" in done["Cache-Control"]
    codes = [
        c.get_text()
        for c in BeautifulSoup(done.content, "html.parser").select(".second-factor-codes code")
    ]
    assert len(codes) == 10 and len(set(codes)) == 10
    assert all(re.fullmatch(r"[a-z2-9]{5}-[a-z2-9]{5}", code) for code in codes)
    assert "Two-step verification is on" in messages_on(done)
    assert client.get(REQUESTS).status_code == 200  # the requests open now
    assert client.get("/admin/").status_code == 200


def test_the_next_sign_in_asks_for_the_code_and_a_recovery_code_works_once(client):
    desk = make_user("desk", FRONT_DESK)
    _, codes = set_up_app(client, desk)
    client.post(reverse("wagtailadmin_logout"))

    password_step(client, desk, next_url=REQUESTS)
    asked = client.get(REQUESTS)
    assert asked.status_code == 302 and asked["Location"].startswith(VERIFY)
    page = client.get(asked["Location"])
    assert "Enter the code from your app" in page.content.decode()
    wrong = client.post(VERIFY, {"code": "not a code", "next": REQUESTS})
    assert wrong.status_code == 400
    assert "Enter the 6-digit code from your app, or a recovery code" in messages_on(wrong)
    passed = client.post(VERIFY, {"code": app_code(desk, steps_ahead=1), "next": REQUESTS})
    assert passed.status_code == 302 and passed["Location"] == REQUESTS
    assert client.get(REQUESTS).status_code == 200
    client.post(reverse("wagtailadmin_logout"))

    # Phone lost: a recovery code, typed in capitals with a space, lets them in once.
    password_step(client, desk)
    typed = codes[0].upper().replace("-", " ")
    response = client.post(VERIFY, {"code": typed, "next": "/admin/"}, follow=True)
    assert response.status_code == 200
    assert "You signed in with a recovery code; 9 of them are left" in messages_on(response)
    client.post(reverse("wagtailadmin_logout"))
    password_step(client, desk)
    reused = client.post(VERIFY, {"code": codes[0], "next": "/admin/"})
    assert reused.status_code == 400
    assert "a recovery code works once only" in messages_on(reused)
    assert client.get("/admin/").status_code == 302


def test_guessing_codes_is_slowed_down(client):
    desk = back_at_the_code_step(client)
    right = app_code(desk, steps_ahead=1)
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    first = client.post(VERIFY, {"code": wrong})
    assert "That code did not match" in messages_on(first)
    # Straight after a wrong code even the right one waits (1, 2, 4, 8… seconds).
    second = client.post(VERIFY, {"code": right})
    assert second.status_code == 400
    assert re.search(r"Too many wrong codes\. Wait \d+ seconds?", messages_on(second))
    assert client.get("/admin/").status_code == 302


def test_a_stolen_password_cannot_replace_the_app(client):
    """Setting up a new app needs the old one (or a recovery code) first."""
    desk = back_at_the_code_step(client)
    response = client.get(SET_UP)
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    assert client.post(SET_UP, {"code": "123456"}).status_code == 302
    assert TOTPDevice.objects.filter(user=desk).count() == 1


def test_the_next_address_stays_on_this_site(client):
    desk = back_at_the_code_step(client)
    response = client.post(
        VERIFY, {"code": app_code(desk, steps_ahead=1), "next": "https://evil.example/admin/"}
    )
    assert response["Location"] == "/admin/"


def test_the_public_site_does_not_ask(client):
    """Patients' pages are the same for staff part-way through signing in."""
    password_step(client, make_user("desk", FRONT_DESK))
    assert client.get("/").status_code == 200
    assert client.get("/procedures/").status_code == 200
