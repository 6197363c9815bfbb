"""
Two-step verification: after the password, a code from an authenticator app, required of
superusers and of everyone who can read patients' appointment requests.
"""

import datetime
import re
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from home.roles import EDITORS, FRONT_DESK, SITE_ADMINS
from tests.accounts import app_code, make_user
from tests.processes import run_manage


pytestmark = pytest.mark.django_db

PASSWORD = "a-long-password"  # make_user's
REQUESTS = "/admin/appointment-requests/"
SET_UP = "/admin/two-step/set-up/"
VERIFY = "/admin/two-step/"
SETTINGS = "/admin/two-step/settings/"


def password_step(client, user, next_url="/admin/"):
    """The sign-in form, as staff fill it in."""
    return client.post(
        f"/admin/login/?next={next_url}",
        {"username": user.username, "password": PASSWORD, "next": next_url},
    )


def messages_on(response):
    soup = BeautifulSoup(response.content, "html.parser")
    notes = soup.select(".help-block, .error-message, .messages li")
    return " ".join(note.get_text(" ", strip=True) for note in notes)


def set_up_app(client, user):
    """From the password to the recovery codes, as a new member of the front desk does."""
    password_step(client, user)
    client.get(SET_UP)
    response = client.post(SET_UP, {"code": app_code(user), "next": REQUESTS})
    assert response.status_code == 200
    codes = [
        code.get_text()
        for code in BeautifulSoup(response.content, "html.parser").select(
            ".second-factor-codes code"
        )
    ]
    return response, codes


def back_at_the_code_step(client):
    """A member of the front desk with an app set up, signed out, who types their password."""
    desk = make_user("desk", FRONT_DESK)
    set_up_app(client, desk)
    client.post(reverse("wagtailadmin_logout"))
    password_step(client, desk)
    return desk


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


@pytest.mark.parametrize("role", [SITE_ADMINS, "superuser"], ids=["site admin", "superuser"])
def test_site_admins_and_superusers_need_it_and_cannot_turn_it_off(client, role):
    if role == "superuser":
        user = get_user_model().objects.create_superuser("boss", password=PASSWORD)
    else:
        user = make_user("boss", role)
    password_step(client, user)
    assert client.get("/admin/")["Location"].startswith(SET_UP)
    set_up_app(client, user)
    page = client.get(SETTINGS).content.decode()
    assert "Two-step verification is <strong>on</strong>" in page
    assert "Turn off two-step verification" not in page
    response = client.post(SETTINGS, follow=True)
    assert "Your role requires two-step verification; it stays on." in messages_on(response)
    assert TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def test_an_editor_signs_in_with_a_password_and_may_turn_it_on(client):
    editor = make_user("ed", EDITORS)
    password_step(client, editor)
    assert client.get("/admin/").status_code == 200  # not required of editors

    account = client.get(reverse("wagtailadmin_account")).content.decode()
    assert "Two-step verification" in account and SETTINGS in account
    settings_page = client.get(SETTINGS).content.decode()
    assert "Two-step verification is <strong>off</strong>" in settings_page
    client.get(SET_UP)
    done = client.post(SET_UP, {"code": app_code(editor), "next": SETTINGS})
    assert done.status_code == 200
    # Once on, their sign-in asks for the code too.
    client.post(reverse("wagtailadmin_logout"))
    password_step(client, editor)
    assert client.get("/admin/")["Location"].startswith(VERIFY)
    client.post(VERIFY, {"code": app_code(editor, steps_ahead=1)})
    # And they may turn it off again.
    response = client.post(SETTINGS, follow=True)
    assert "Two-step verification is off for your account." in messages_on(response)
    assert not TOTPDevice.objects.filter(user=editor).exists()


def test_new_recovery_codes_replace_the_old_ones(client):
    desk = make_user("desk", FRONT_DESK)
    _, old_codes = set_up_app(client, desk)
    assert "You have 10 unused recovery codes." in client.get(SETTINGS).content.decode()
    assert client.get(reverse("second_factor_codes")).status_code == 405
    response = client.post(reverse("second_factor_codes"))
    new_codes = [
        c.get_text()
        for c in BeautifulSoup(response.content, "html.parser").select(".second-factor-codes code")
    ]
    assert len(new_codes) == 10 and not set(new_codes) & set(old_codes)
    assert "The old ones no longer work" in messages_on(response)
    client.post(reverse("wagtailadmin_logout"))
    password_step(client, desk)
    assert client.post(VERIFY, {"code": new_codes[1]}).status_code == 302
    client.post(reverse("wagtailadmin_logout"))
    password_step(client, desk)
    assert client.post(VERIFY, {"code": old_codes[1]}).status_code == 400


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


def test_an_administrator_resets_a_lost_phone_from_the_command_line(client):
    desk = make_user("desk", FRONT_DESK)
    set_up_app(client, desk)
    output = StringIO()
    call_command("reset_second_factor", "desk", stdout=output)
    assert "they set up a new app at next sign-in" in output.getvalue()
    assert not TOTPDevice.objects.filter(user=desk).exists()
    client.post(reverse("wagtailadmin_logout"))
    password_step(client, desk)
    assert client.get("/admin/")["Location"].startswith(SET_UP)
    with pytest.raises(Exception, match="No user is called 'nobody'"):
        call_command("reset_second_factor", "nobody")


def test_development_leaves_it_optional_unless_asked():
    show = "from django.conf import settings; print(settings.SECOND_FACTOR_REQUIRED)"
    assert run_manage(
        "shell", "--no-imports", "-c", show, settings="clinic.settings.dev"
    ).stdout.strip() == ("False")
    required = run_manage(
        "shell",
        "--no-imports",
        "-c",
        show,
        settings="clinic.settings.dev",
        SECOND_FACTOR="required",
    )
    assert required.stdout.strip() == "True"


def test_a_passkey_is_added_only_beside_the_app(client):
    """The browser test adds and uses one; here, the rule and its removal."""
    editor = make_user("ed", EDITORS)
    password_step(client, editor)
    begin = reverse("otp_webauthn:credential-registration-begin")
    refused = client.post(begin, content_type="application/json")
    assert refused.status_code == 403
    assert refused.json()["detail"] == (
        "Set up your authenticator app first; then you can add a passkey."
    )
    set_up_app(client, editor)
    options = client.post(begin, content_type="application/json")
    assert options.status_code == 200
    assert options.json()["rp"]["id"] == "testserver"


def test_removing_a_passkey(client):
    desk = make_user("desk", FRONT_DESK)
    set_up_app(client, desk)
    passkey = WebAuthnCredential.objects.create(
        user=desk,
        name="Laptop",
        confirmed=True,
        credential_id=b"made-up-credential",
        public_key=b"made-up-key",
        sign_count=0,
    )
    page = client.get(SETTINGS).content.decode()
    assert "Passkey added" in page
    assert client.get(reverse("second_factor_remove_passkey", args=[passkey.pk])).status_code == 405
    response = client.post(reverse("second_factor_remove_passkey", args=[passkey.pk]), follow=True)
    assert "The passkey is removed" in messages_on(response)
    assert not WebAuthnCredential.objects.filter(user=desk).exists()
