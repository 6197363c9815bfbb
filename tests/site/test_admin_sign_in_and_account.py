"""
Signing in to the admin and the account page: a wrong password is refused with a message; the
admin loads nothing from other sites and offers valid time zones.
"""

from io import StringIO

import pytest
from bs4 import BeautifulSoup

from django.contrib.auth import get_user_model
from django.core.management import call_command

from tests.accounts import sign_in


pytestmark = pytest.mark.django_db


@pytest.mark.django_db
def test_wrong_password_is_refused_with_a_message(client):
    call_command("ensure_demo_users", stdout=StringIO())
    response = client.post("/admin/login/", {"username": "admin", "password": "wrong"})
    assert response.status_code == 200
    assert not response.context["user"].is_authenticated
    assert "didn&#x27;t match" in response.content.decode()


def test_the_admin_loads_nothing_from_other_sites_and_offers_valid_time_zones(client):
    call_command("ensure_demo_users", stdout=StringIO())
    editor = get_user_model().objects.get(username="editor")
    sign_in(client, editor)
    dashboard = client.get("/admin/").content.decode()
    assert "gravatar" not in dashboard.lower()
    assert "Erin" in dashboard  # greeted by a name of their own, not "Demo"

    account = BeautifulSoup(client.get("/admin/account/").content, "html.parser")
    zones = [
        option["value"]
        for option in account.select("select[name='locale-current_time_zone'] option")
        if option["value"]
    ]
    # Browsers reject names such as "localtime" that the system's list holds.
    assert zones and "localtime" not in zones
    assert {"America/New_York", "America/Chicago", "America/Los_Angeles"} <= set(zones)
