"""Staff accounts guard patients' requests: lockout, password length, session limits, resets."""

import time

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import override_settings

from home.roles import FRONT_DESK
from tests.accounts import make_user, sign_in


pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


@pytest.fixture
def desk():
    user = make_user("desk", FRONT_DESK)
    user.set_password("a-long-front-desk-password")
    user.save()
    return user


def type_password(client, password, address="198.51.100.20"):
    return client.post(
        LOGIN, {"username": "desk", "password": password}, REMOTE_ADDR=address, follow=True
    )


def test_five_wrong_passwords_lock_the_account_from_that_address_for_15_minutes(client, desk):
    for _ in range(4):
        response = type_password(client, "guess")
        assert response.status_code == 200
        assert not response.context["user"].is_authenticated
        assert "didn&#x27;t match" in response.content.decode()
    assert type_password(client, "guess").status_code == 429  # the fifth failure locks the account
    locked = type_password(client, "a-long-front-desk-password")  # even the right one, now
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Signing in is paused for 15 minutes" in page
    assert "too many wrong passwords" in page
    assert locked.headers["Retry-After"] == "900"
    assert "_auth_user_id" not in client.session
    # The same person at their own desk elsewhere is not locked out with the attacker.
    elsewhere = type_password(client, "a-long-front-desk-password", address="203.0.113.5")
    assert elsewhere.status_code == 200
    assert elsewhere.context["user"].is_authenticated


def test_passwords_need_at_least_12_characters():
    with pytest.raises(ValidationError, match="at least 12 characters"):
        validate_password("Short-pass1")
    validate_password("a-long-enough-password")


@pytest.mark.parametrize(
    ("idle_minutes", "signed_in_hours_ago", "still_signed_in"),
    [(5, 1, True), (31, 1, False), (1, 13, False)],
    ids=["working", "idle for 31 minutes", "signed in 13 hours ago"],
)
def test_staff_sessions_end_after_30_idle_minutes_or_12_hours(
    client, desk, idle_minutes, signed_in_hours_ago, still_signed_in
):
    sign_in(client, desk)
    session = client.session
    now = time.time()
    session["last_seen"] = now - idle_minutes * 60
    session["signed_in_at"] = now - signed_in_hours_ago * 3600
    session.save()
    response = client.get("/admin/")
    if still_signed_in:
        assert response.status_code == 200
    else:
        assert response.status_code == 302
        assert response.url.startswith(LOGIN)
        assert "_auth_user_id" not in client.session


@override_settings(PASSWORD_RESET_RATE_LIMIT=(3, 3600))
def test_password_reset_mail_cannot_be_requested_without_limit(client, desk):
    desk.email = "desk@clinic.example"
    desk.save()
    for _ in range(3):
        response = client.post("/admin/password_reset/", {"email": "desk@clinic.example"})
        assert response.status_code == 302
    response = client.post("/admin/password_reset/", {"email": "desk@clinic.example"})
    assert response.status_code == 429
    assert "Too many password reset requests" in response.content.decode()
    assert get_user_model().objects.get(username="desk").is_active
