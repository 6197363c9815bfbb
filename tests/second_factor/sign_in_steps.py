"""
The steps of signing in to the admin with two-step verification, as staff take them through real
requests: the password, setting up an authenticator app, and coming back to the code step; the
admin's addresses for each step and the messages a step shows.
"""

from bs4 import BeautifulSoup

from django.urls import reverse

from home.roles import FRONT_DESK
from tests.accounts import app_code, make_user


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
