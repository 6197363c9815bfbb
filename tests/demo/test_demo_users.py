"""`make run`'s logins: one demo user per role, printed once, that really sign in."""

from io import StringIO

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command


def printed_logins(output):
    """{username: password} from ensure_demo_users' output."""
    logins = {}
    for line in output.splitlines():
        if "username:" in line:
            words = line.split()
            logins[words[words.index("username:") + 1]] = words[words.index("password:") + 1]
    return logins


@pytest.mark.django_db
def test_demo_users_one_per_role_with_printed_logins_that_work(client):
    output = StringIO()
    call_command("ensure_demo_users", url="http://127.0.0.1:8123/admin/", stdout=output)
    text = output.getvalue()
    assert "http://127.0.0.1:8123/admin/" in text
    logins = printed_logins(text)
    assert set(logins) == {"admin", "editor", "reviewer", "siteadmin", "frontdesk"}
    assert all(len(password) >= 16 for password in logins.values())

    User = get_user_model()
    assert User.objects.get(username="admin").is_superuser
    assert list(User.objects.get(username="editor").groups.values_list("name", flat=True)) == [
        "Editors"
    ]
    assert list(User.objects.get(username="reviewer").groups.values_list("name", flat=True)) == [
        "Medical reviewers"
    ]
    assert list(User.objects.get(username="siteadmin").groups.values_list("name", flat=True)) == [
        "Site admins"
    ]
    front_desk = User.objects.get(username="frontdesk")
    assert list(front_desk.groups.values_list("name", flat=True)) == ["Front desk"]
    assert front_desk.email  # the front desk's notices of new requests go there

    # Each printed login works on the real login form.
    for username, password in logins.items():
        client.logout()
        assert client.get("/admin/login/").status_code == 200
        response = client.post(
            "/admin/login/", {"username": username, "password": password}, follow=True
        )
        assert response.context["user"].get_username() == username
        if username in {"admin", "siteadmin", "frontdesk"}:
            # They can see patients' requests: with production's rule (the tests'), the admin
            # opens once they set up two-step verification. `make run` leaves it optional.
            assert b"Set up two-step verification" in response.content
        else:
            assert b"Dashboard" in response.content or b"Welcome" in response.content

    # Running it again creates nobody and prints no password.
    again = StringIO()
    call_command("ensure_demo_users", stdout=again)
    assert User.objects.count() == 5
    assert "password:" not in again.getvalue()
