"""Each role's journey in the admin: what editors and site admins may and may not do."""

import pytest
from bs4 import BeautifulSoup

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from appointments.models import FRONT_DESK, AppointmentRequest
from clinic.models import ClinicSettings
from conditions.models import ConditionPage
from first_visit.models import FirstVisitSettings
from home.models import StandardPage
from news.models import NewsIndexPage, NewsPostPage
from physicians.models import PhysicianIndexPage, PhysicianPage
from procedures.models import ProcedureIndexPage, ProcedurePage
from tests.accounts import make_user, sign_in
from tests.admin_screens import add_url, admin_menu_links, procedure_form
from tests.editor import before_a_visit_url
from tests.fictional_content import create_fictional_physician


pytestmark = pytest.mark.django_db


def test_an_editor_creates_and_submits_a_procedure_but_cannot_publish_it(client, editor):
    sign_in(client, editor)
    data = procedure_form()
    data["action-publish"] = "Publish"
    client.post(
        add_url(ProcedureIndexPage.objects.get(locale__language_code="en"), ProcedurePage), data
    )
    page = ProcedurePage.objects.get(slug="genicular-nerve-block")
    assert not page.live  # saved as a draft: editors cannot publish clinical pages
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "Submit to Medical review" in edit
    assert 'name="action-publish"' not in edit

    data = procedure_form()
    data["action-submit"] = "Submit to Medical review"
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Medical review"
    page.refresh_from_db()
    assert not page.live


def test_an_editor_publishes_news_and_general_pages_themselves(client, editor):
    sign_in(client, editor)
    data = nested_form_data(
        {
            "title": "Parking is free",
            "slug": "parking-is-free",
            "date": "2026-11-20",
            "author": "",
            "summary": "Parking at the clinic no longer costs anything.",
            "image": "",
            "body": streamfield([("paragraph", rich_text("<p>From Monday.</p>"))]),
            "action-publish": "Publish",
        }
    )
    client.post(add_url(NewsIndexPage.objects.get(locale__language_code="en"), NewsPostPage), data)
    assert NewsPostPage.objects.get(slug="parking-is-free").live

    about = StandardPage.objects.get(slug="about")
    data = nested_form_data(
        {
            "title": "Visiting us",
            "slug": "visiting-us",
            "summary": "Parking and access.",
            "body": streamfield([]),
            "action-publish": "Publish",
        }
    )
    client.post(add_url(about, StandardPage), data)
    assert StandardPage.objects.get(slug="visiting-us").live


def test_an_editor_cannot_edit_physicians_settings_or_users(client, editor):
    sign_in(client, editor)
    physician = PhysicianPage.objects.get(slug="howard-jackson", locale__language_code="en")
    response = client.get(reverse("wagtailadmin_pages:edit", args=[physician.pk]))
    assert response.status_code in (302, 403)
    response = client.get(
        add_url(PhysicianIndexPage.objects.get(locale__language_code="en"), PhysicianPage)
    )
    assert response.status_code in (302, 403)
    settings_url = reverse(
        "wagtailsettings:edit",
        args=["clinic", "clinicsettings", ClinicSettings.objects.get().site_id],
    )
    assert client.get(settings_url).status_code in (302, 403)
    assert client.get(before_a_visit_url(FirstVisitSettings.objects.get())).status_code in (
        302,
        403,
    )
    assert client.get(reverse("wagtailusers_users:index")).status_code in (302, 403)
    assert client.get(reverse("wagtailsnippets_clinic_bodyregion:add")).status_code in (302, 403)


def test_a_site_admin_manages_physicians_lists_settings_and_users(client, site_admin):
    sign_in(client, site_admin)
    physician = PhysicianPage.objects.get(slug="howard-jackson", locale__language_code="en")
    assert client.get(reverse("wagtailadmin_pages:edit", args=[physician.pk])).status_code == 200
    assert client.get(reverse("wagtailusers_users:index")).status_code == 200
    assert client.get(reverse("wagtailsnippets_clinic_bodyregion:add")).status_code == 200
    assert client.get(reverse("wagtailsnippets_site_search_searchsynonym:add")).status_code == 200
    settings_url = reverse(
        "wagtailsettings:edit",
        args=["clinic", "clinicsettings", ClinicSettings.objects.get().site_id],
    )
    assert client.get(settings_url).status_code == 200
    assert client.get(before_a_visit_url(FirstVisitSettings.objects.get())).status_code == 200
    # ...but clinical content is for editors and reviewers.
    procedure = ProcedurePage.objects.get(slug="kyphoplasty")
    assert client.get(reverse("wagtailadmin_pages:edit", args=[procedure.pk])).status_code in (
        302,
        403,
    )


# Each role's dashboard and menus lead to work it can do, and to nothing it cannot open.


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


def test_the_procedure_editor_shows_who_performs_it(client, editor):
    """Set on the physician's profile; shown, read-only, where editors write the procedure."""
    physician = create_fictional_physician()  # performs the SI joint injection
    page = ProcedurePage.objects.get(slug="sacroiliac-joint-injection")
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])

    sign_in(client, editor)
    screen = BeautifulSoup(client.get(edit_url).content, "html.parser")
    panel = screen.find(string="Physicians who perform it").find_parent(attrs={"data-panel": True})
    assert "Alex Example" in panel.get_text()
    assert panel.select_one(f"a[href$='/pages/{physician.pk}/edit/']") is None  # not theirs

    admin = get_user_model().objects.create_superuser("boss", "", "a-long-password")
    sign_in(client, admin)
    screen = BeautifulSoup(client.get(edit_url).content, "html.parser")
    panel = screen.find(string="Physicians who perform it").find_parent(attrs={"data-panel": True})
    assert panel.select_one(f"a[href$='/pages/{physician.pk}/edit/']")


def test_the_condition_editor_shows_the_procedures_that_treat_it(client, editor):
    page = ConditionPage.objects.get(slug="sciatica")
    treating = sorted(page.procedures.values_list("title", flat=True))
    assert treating
    sign_in(client, editor)
    screen = BeautifulSoup(
        client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content, "html.parser"
    )
    panel = screen.find(string="Procedures that treat it").find_parent(attrs={"data-panel": True})
    shown = [li.get_text(" ", strip=True) for li in panel.select("li")]
    assert shown == treating
    # Editors may edit procedures too: each links to its editor.
    assert len(panel.select("li a[href*='/edit/']")) == len(treating)
