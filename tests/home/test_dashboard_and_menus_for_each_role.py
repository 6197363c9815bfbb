"""
Each role's dashboard and menus lead to work it can do, and to nothing it cannot open: the front
desk, medical reviewers, editors and site admins.
"""

import pytest
from bs4 import BeautifulSoup

from django.urls import reverse
from django.utils import timezone

from appointments.models import FRONT_DESK, AppointmentRequest
from news.models import NewsIndexPage, NewsPostPage
from tests.accounts import make_user, sign_in
from tests.admin_screens import admin_menu_links


pytestmark = pytest.mark.django_db


def menu_labels(client):
    """
    The labels of the admin's menus, in order, as the sidebar receives them (Wagtail's own help
    links and the account menu left out).
    """
    dashboard = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
    return [
        label
        for label, address in admin_menu_links(dashboard)
        if address.startswith("/admin/") and label != "Account"
    ]


WAGTAILS_REPORTS = ["Workflows", "Workflow tasks", "Site history", "Aging pages"]
MENUS = {
    "front_desk": ["Requests"],
    "reviewer": [
        "Pages",
        "Medical review due",
        "Translations to update",
        "Site history",
        "Translations",
    ],
    "editor": [
        "Pages",
        "Images",
        "Documents",
        "Medical review due",
        "Locked pages",
        "Translations to update",
        *WAGTAILS_REPORTS,
        "Page types usage",
        "Translations",
    ],
    "site_admin": [
        "Pages",
        "Requests",
        "Access log",
        "Physicians",
        "Images",
        "Documents",
        "Body regions",
        "Specialties",
        "Languages",
        "News categories",
        "Search synonyms",
        "Locked pages",
        "Translations to update",
        *WAGTAILS_REPORTS,
        "Page types usage",
        "Translations",
        "Users",
        "Redirects",
        "Promoted search results",
        "Clinic details",
        "Before a visit",
        "Review records",
    ],
}


@pytest.mark.parametrize("role", MENUS)
def test_each_role_sees_the_menus_of_its_own_work(client, request, role):
    user = make_user("desk", FRONT_DESK) if role == "front_desk" else request.getfixturevalue(role)
    sign_in(client, user)
    assert menu_labels(client) == MENUS[role]


def test_the_front_desk_sees_new_requests_first_and_nothing_it_cannot_open(client):
    AppointmentRequest.objects.create(
        name="Pat Example", phone="(312) 555-0190", patient_type="new", consent_at=timezone.now()
    )
    sign_in(client, make_user("desk", FRONT_DESK))
    dashboard = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
    headings = [h.get_text(strip=True) for h in dashboard.select(".w-panel__heading")]
    assert headings[0] == "New appointment requests (1)"
    assert "Pat Example" not in dashboard.get_text()  # details only where the log records them
    link = dashboard.select_one("#new-requests-heading").find_parent("section").select_one("a")
    assert client.get(link["href"]).status_code == 200
    assert not any(heading.startswith("Medical review due") for heading in headings)
    assert menu_labels(client) == ["Requests"]
    assert client.get(reverse("review_due_report")).status_code in (302, 403)


PERMISSION_DENIED = "Sorry, you do not have permission to access this area."


def admin_addresses(dashboard):
    """The admin addresses a member of staff can follow from the dashboard and the main menu."""
    addresses = {link["href"] for link in dashboard.find_all("a", href=True)}
    addresses |= {address for _, address in admin_menu_links(dashboard)}
    # A search box leads somewhere too: where it sends an empty search.
    addresses |= {
        form["action"]
        for form in dashboard.find_all("form", action=True)
        if form.get("method", "get").lower() == "get"
    }
    return sorted(
        address.split("#")[0]
        for address in addresses
        if address.startswith("/admin/") and "logout" not in address
    )


@pytest.mark.parametrize("role", ["editor", "reviewer", "site_admin", "front_desk"])
def test_nothing_on_the_dashboard_or_in_the_menus_leads_to_a_permission_error(
    client, request, role
):
    AppointmentRequest.objects.create(
        name="Pat Example", phone="(312) 555-0190", patient_type="new", consent_at=timezone.now()
    )
    user = make_user("desk", FRONT_DESK) if role == "front_desk" else request.getfixturevalue(role)
    sign_in(client, user)
    dashboard = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
    addresses = admin_addresses(dashboard)
    assert reverse("wagtailadmin_account") in addresses
    for address in addresses:
        response = client.get(address, follow=True)
        assert response.status_code == 200, address
        assert PERMISSION_DENIED not in response.content.decode(), address


def test_the_search_all_pages_box_is_for_staff_who_may_explore_pages(client, editor):
    def search_boxes():
        dashboard = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
        return dashboard.select("form[role=search] input[name=q]")

    sign_in(client, editor)
    assert search_boxes()
    sign_in(client, make_user("desk", FRONT_DESK))
    assert not search_boxes()


def test_editors_see_no_physicians_menu_and_cannot_open_its_list(client, editor):
    sign_in(client, editor)
    assert "Physicians" not in menu_labels(client)
    assert client.get(reverse("physician_profiles:index")).status_code in (302, 403)


def test_reviewers_open_the_review_report_and_each_page_in_their_panel(client, reviewer):
    sign_in(client, reviewer)
    assert client.get(reverse("review_due_report")).status_code == 200
    dashboard = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
    panel = dashboard.select_one("#review-due-heading").find_parent("section")
    links = [a["href"] for a in panel.select("tbody a")]
    assert links
    for href in links:
        assert not href.startswith("/admin/"), href  # the page itself, not an editor they lack
        assert client.get(href).status_code == 200


def test_site_admins_see_and_schedule_the_news_they_approve(client, site_admin):
    sign_in(client, site_admin)
    post = NewsPostPage.objects.first()
    assert "Physicians" in menu_labels(client)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[post.pk]))
    assert edit.status_code == 200
    index = NewsIndexPage.objects.get(locale__language_code="en")
    assert index.permissions_for_user(site_admin).can_publish_subpage()
    assert post.permissions_for_user(site_admin).can_publish()
