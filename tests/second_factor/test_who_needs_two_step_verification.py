"""
Two-step verification is required of site admins and superusers, who cannot turn it off;
editors sign in with a password and may turn it on (and off again); development leaves it
optional unless asked.
"""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.contrib.auth import get_user_model
from django.urls import reverse

from home.roles import EDITORS, SITE_ADMINS
from tests.accounts import app_code, make_user
from tests.processes import run_manage

from .sign_in_steps import (
    PASSWORD,
    SET_UP,
    SETTINGS,
    VERIFY,
    messages_on,
    password_step,
    set_up_app,
)


pytestmark = pytest.mark.django_db


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
