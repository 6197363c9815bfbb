"""
The front desk reaches patients' requests and its own account, and nothing else of the admin;
and a session that owes the second step reaches no private page or document either.
"""

import pytest

from django.urls import reverse

from wagtail.models import PageViewRestriction

from appointments.models import FRONT_DESK
from home.models import StandardPage
from tests.accounts import make_user, sign_in
from tests.fictional_content import private_document


pytestmark = pytest.mark.django_db

CLOSED = [
    "/admin/localize/reports/translations/",
    "/admin/api/main/documents/",
    "/admin/api/main/images/",
    "/admin/api/main/pages/",
    "/admin/pages/",
    "/admin/images/",
    "/admin/documents/",
    "/admin/reports/site-history/",
    "/admin/choose-page/",
    "/admin/forms/",
]


def refused(response):
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def test_the_front_desk_reaches_nothing_but_requests_and_its_account(client):
    sign_in(client, make_user("desk", FRONT_DESK))
    for address in [
        reverse("wagtailadmin_home"),
        reverse("appointment_requests:index"),
        reverse("wagtailadmin_account"),
        reverse("second_factor_settings"),
    ]:
        assert client.get(address).status_code == 200, address
    for address in CLOSED:
        assert refused(client.get(address)), address


def test_other_roles_keep_their_screens(client, editor):
    sign_in(client, editor)
    assert client.get("/admin/pages/").status_code == 200
    assert client.get("/admin/api/main/pages/").status_code == 200


@pytest.fixture
def desk_past_the_password_only(client):
    """The front desk's password typed, the code from the app not yet."""
    desk = make_user("desk", FRONT_DESK)
    sign_in(client, desk)  # sets up the app and passes the second step...
    client.logout()
    client.force_login(desk)  # ...then a new session: the password only
    return desk


def test_a_session_owing_the_second_step_gets_no_private_document(
    client, desk_past_the_password_only
):
    document, _ = private_document()
    response = client.get(document.url)
    assert response.status_code == 302 and "login" in response["Location"]
    # Once past the second step, the same session downloads it.
    sign_in(client, desk_past_the_password_only)
    assert client.get(document.url).status_code == 200


def test_a_session_owing_the_second_step_gets_no_private_page(client, desk_past_the_password_only):
    page = StandardPage.objects.live().filter(locale__language_code="en").first()
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(page.url)
    assert response.status_code == 302 and "login" in response["Location"]
