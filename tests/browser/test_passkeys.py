"""A member of staff adds a passkey and passes the second step with it, in a real browser."""

import re

from django_otp_webauthn.models import WebAuthnCredential
from playwright.sync_api import expect

from home.roles import FRONT_DESK
from tests.accounts import app_code, make_user


AUTHENTICATOR = {
    "protocol": "ctap2",
    "transport": "internal",
    "hasResidentKey": True,
    "hasUserVerification": True,
    "isUserVerified": True,
    "automaticPresenceSimulation": True,
}


def with_authenticator(page):
    """
    Chromium's virtual authenticator on `page`, standing in for a laptop's fingerprint reader.
    Returns the DevTools session and the authenticator's id.
    """
    devtools = page.context.new_cdp_session(page)
    devtools.send("WebAuthn.enable")
    added = devtools.send("WebAuthn.addVirtualAuthenticator", {"options": AUTHENTICATOR})
    return devtools, added["authenticatorId"]


def sign_in_with_password(page, site_url):
    page.goto(f"{site_url}/admin/login/")
    page.get_by_label("Username").fill("desk")
    page.get_by_label("Password").fill("a-long-password")
    page.get_by_role("button", name="Sign in").click()


def test_a_passkey_passes_the_second_step(browser, site_url):
    desk = make_user("desk", FRONT_DESK)
    first_visit = browser.new_context()
    page = first_visit.new_page()
    devtools, authenticator = with_authenticator(page)

    sign_in_with_password(page, site_url)
    expect(page).to_have_url(re.compile(r"/admin/two-step/set-up/"))
    # The app comes first; a passkey can only be added beside it.
    page.get_by_label("Code").fill(app_code(desk))
    page.get_by_role("button", name="Confirm code").click()
    expect(page.get_by_role("heading", name="Save your recovery codes")).to_be_visible()
    # (Not clicked: the Sign out button sits just below it while the page settles.)
    expect(page.get_by_role("link", name="Saved: continue")).to_have_attribute("href", "/admin/")

    page.goto(f"{site_url}/admin/two-step/settings/")
    expect(page.get_by_role("heading", name="Two-step verification")).to_be_visible()
    # The passkey is saved by the page's second request to the server; the page then reloads
    # and lists it.
    with page.expect_response(re.compile(r"/passkeys/registration/complete/$")) as saved:
        page.get_by_role("button", name="Add a passkey").click()
    assert saved.value.ok, saved.value.text()
    expect(page.get_by_text(re.compile(r"^\s*Passkey added"))).to_be_visible()
    assert WebAuthnCredential.objects.filter(user=desk, confirmed=True).count() == 1
    credentials = devtools.send("WebAuthn.getCredentials", {"authenticatorId": authenticator})
    first_visit.close()

    # Another day, a new browser session (the same laptop): the password, then the passkey.
    next_visit = browser.new_context()
    page = next_visit.new_page()
    devtools, authenticator = with_authenticator(page)
    for credential in credentials["credentials"]:
        devtools.send(
            "WebAuthn.addCredential", {"authenticatorId": authenticator, "credential": credential}
        )
    sign_in_with_password(page, site_url)
    expect(page).to_have_url(re.compile(r"/admin/two-step/\?next="))
    page.get_by_role("button", name="Use a passkey").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(
        page.get_by_role("heading", name=re.compile("appointment request", re.IGNORECASE))
    ).to_be_visible()
    assert WebAuthnCredential.objects.get(user=desk).last_used_at is not None
    next_visit.close()
