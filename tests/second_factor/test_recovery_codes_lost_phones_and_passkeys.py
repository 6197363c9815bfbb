"""
Two-step verification beyond the app itself: new recovery codes replace the old ones, an
administrator resets a lost phone from the command line, and a passkey is added only beside the
app, and removed.
"""

from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from django.core.management import call_command
from django.urls import reverse

from home.roles import EDITORS, FRONT_DESK
from tests.accounts import make_user

from .sign_in_steps import (
    SET_UP,
    SETTINGS,
    VERIFY,
    messages_on,
    password_step,
    set_up_app,
)


pytestmark = pytest.mark.django_db


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
