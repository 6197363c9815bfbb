"""
Roles, the medical review workflow and the review record, as the people who use them do:
logged in through the admin, one role at a time.
"""

import datetime
from io import StringIO

import pytest
from bs4 import BeautifulSoup

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from clinic.models import BodyRegion, ClinicSettings
from conditions.models import ConditionPage
from home.models import StandardPage
from home.roles import EDITORS, MEDICAL_REVIEWERS, SITE_ADMINS
from medical_review.models import MedicalReview, add_months
from news.models import NewsIndexPage, NewsPostPage
from physicians.factories import PhysicianPageFactory
from physicians.models import PhysicianIndexPage, PhysicianPage
from procedures.models import ProcedureIndexPage, ProcedurePage
from tests.conftest import make_user


pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return make_user("ed", EDITORS)


@pytest.fixture
def reviewer():
    """A medical reviewer whose account belongs to a (fictional) physician's profile."""
    user = make_user("rev", MEDICAL_REVIEWERS)
    physician = PhysicianPageFactory(
        parent=PhysicianIndexPage.objects.get(), title="Robin Reviewer", family_name="Reviewer"
    )
    physician.reviewer_account = user
    physician.save_revision().publish()
    return user


@pytest.fixture
def site_admin():
    return make_user("sa", SITE_ADMINS)


def procedure_form(title="Genicular nerve block"):
    data = nested_form_data(
        {
            "title": title,
            "slug": "genicular-nerve-block",
            "summary": "A numbing medicine is placed near the nerves of the knee.",
            "body": streamfield([("paragraph", rich_text("<p>The nerves are numbed.</p>"))]),
            "purpose": "diagnosis",
            "setting": "outpatient",
            "general_procedure": "",
        }
    )
    data["body_regions"] = [BodyRegion.objects.get(slug="arms-and-legs").pk]
    return data


def add_url(parent, model):
    return reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )


def submit_new_procedure(client, editor):
    client.force_login(editor)
    data = procedure_form()
    data["action-submit"] = "Submit to Medical review"
    response = client.post(add_url(ProcedureIndexPage.objects.get(), ProcedurePage), data)
    assert response.status_code == 302, response.content[:2000]
    return ProcedurePage.objects.get(slug="genicular-nerve-block")


# Editors


def test_an_editor_creates_and_submits_a_procedure_but_cannot_publish_it(client, editor):
    client.force_login(editor)
    data = procedure_form()
    data["action-publish"] = "Publish"
    client.post(add_url(ProcedureIndexPage.objects.get(), ProcedurePage), data)
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
    client.force_login(editor)
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
    client.post(add_url(NewsIndexPage.objects.get(), NewsPostPage), data)
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
    client.force_login(editor)
    physician = PhysicianPage.objects.get(slug="howard-jackson")
    response = client.get(reverse("wagtailadmin_pages:edit", args=[physician.pk]))
    assert response.status_code in (302, 403)
    response = client.get(add_url(PhysicianIndexPage.objects.get(), PhysicianPage))
    assert response.status_code in (302, 403)
    settings_url = reverse(
        "wagtailsettings:edit",
        args=["clinic", "clinicsettings", ClinicSettings.objects.get().site_id],
    )
    assert client.get(settings_url).status_code in (302, 403)
    assert client.get(reverse("wagtailusers_users:index")).status_code in (302, 403)
    assert client.get(reverse("wagtailsnippets_clinic_bodyregion:add")).status_code in (302, 403)


# Medical reviewers


def test_a_reviewers_approval_publishes_the_page_and_records_the_review(client, editor, reviewer):
    page = submit_new_procedure(client, editor)
    client.force_login(reviewer)
    dashboard = client.get("/admin/").content.decode()
    assert "Genicular nerve block" in dashboard  # awaiting their review

    state = WorkflowState.objects.get(object_id=str(page.pk))
    task_state = state.current_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    )
    assert response.status_code in (200, 302)

    page.refresh_from_db()
    today = timezone.localdate()
    assert page.live
    assert page.reviewed_by.title == "Robin Reviewer"
    assert page.last_reviewed == today
    assert page.next_review_due == add_months(today, 12)

    # Patients see the review near the end of the page.
    public = BeautifulSoup(client.get(page.url).content, "html.parser")
    line = " ".join(public.select_one(".review-line").get_text(" ", strip=True).split())
    assert line.startswith("Medically reviewed by Robin Reviewer, M.D.")
    assert f"Last reviewed {today:%-d %B %Y}" in line
    assert f"Next review due {add_months(today, 12):%B %Y}" in line
    assert public.select_one(".review-line a")["href"] == "/physicians/robin-reviewer/"


def test_a_reviewer_can_send_a_page_back_with_a_comment(client, editor, reviewer):
    page = submit_new_procedure(client, editor)
    client.force_login(reviewer)
    task_state = WorkflowState.objects.get(object_id=str(page.pk)).current_task_state
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", task_state.pk]),
        {"comment": "Please say how long the numbness lasts."},
    )
    task_state.refresh_from_db()
    assert task_state.status == "rejected"
    assert task_state.comment == "Please say how long the numbness lasts."
    page.refresh_from_db()
    assert not page.live and page.last_reviewed is None
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES


def test_a_reviewer_cannot_create_pages_or_approve_outside_review(client, reviewer):
    client.force_login(reviewer)
    assert client.get(add_url(ProcedureIndexPage.objects.get(), ProcedurePage)).status_code in (
        302,
        403,
    )
    page = ProcedurePage.objects.get(slug="kyphoplasty")
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code in (302, 403)  # not on review: nothing for them to do


# Site admins


def test_a_site_admin_manages_physicians_lists_settings_and_users(client, site_admin):
    client.force_login(site_admin)
    physician = PhysicianPage.objects.get(slug="howard-jackson")
    assert client.get(reverse("wagtailadmin_pages:edit", args=[physician.pk])).status_code == 200
    assert client.get(reverse("wagtailusers_users:index")).status_code == 200
    assert client.get(reverse("wagtailsnippets_clinic_bodyregion:add")).status_code == 200
    assert client.get(reverse("wagtailsnippets_site_search_searchsynonym:add")).status_code == 200
    settings_url = reverse(
        "wagtailsettings:edit",
        args=["clinic", "clinicsettings", ClinicSettings.objects.get().site_id],
    )
    assert client.get(settings_url).status_code == 200
    # ...but clinical content is for editors and reviewers.
    procedure = ProcedurePage.objects.get(slug="kyphoplasty")
    assert client.get(reverse("wagtailadmin_pages:edit", args=[procedure.pk])).status_code in (
        302,
        403,
    )


def test_changing_new_patients_records_when_it_was_checked(client, site_admin):
    from tests.editor import editor_form_data

    client.force_login(site_admin)
    physician = PhysicianPage.objects.get(slug="faisal-a-chaudhry")
    data = editor_form_data(client, physician)
    data["accepting_new_patients"] = ["True"]
    data["action-publish"] = "Publish"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[physician.pk]), data)
    assert response.status_code == 302
    physician.refresh_from_db()
    today = timezone.localdate()
    assert physician.accepting_new_patients is True
    assert physician.accepting_new_patients_checked == today
    profile = BeautifulSoup(client.get(physician.url).content, "html.parser")
    status = profile.select_one(".profile-header .status").get_text(" ", strip=True)
    assert status == f"Accepting new patients (checked {today:%-d %B %Y})"


def test_the_admin_physician_list_filters_by_specialty_and_new_patients(client, site_admin):
    from clinic.models import Specialty

    index = PhysicianIndexPage.objects.get()
    anesthesiology = Specialty.objects.get(name="Anesthesiology")
    taking = PhysicianPageFactory(parent=index, title="Tara Taking", specialties=[anesthesiology])
    taking.accepting_new_patients = True
    taking.save()
    client.force_login(site_admin)
    listing = client.get("/admin/physician_profiles/").content.decode()
    assert "Tara Taking" in listing and "Howard Jackson" in listing
    filtered = client.get(
        "/admin/physician_profiles/", {"accepting_new_patients": "yes"}
    ).content.decode()
    assert "Tara Taking" in filtered and "Howard Jackson" not in filtered
    by_specialty = client.get(
        "/admin/physician_profiles/", {"specialties": anesthesiology.pk}
    ).content.decode()
    assert "Tara Taking" in by_specialty and "Howard Jackson" not in by_specialty


# Review due


@pytest.fixture
def overdue_page():
    page = ConditionPage.objects.get(slug="sciatica")
    MedicalReview.objects.create(
        page=page,
        last_reviewed=datetime.date(2024, 1, 10),
        next_review_due=datetime.date(2025, 1, 10),
        reviewer=PhysicianPageFactory(
            parent=PhysicianIndexPage.objects.get(), title="Olive Overdue", family_name="Overdue"
        ),
    )
    return page


def test_an_overdue_page_stays_published_and_is_flagged_for_editors(client, editor, overdue_page):
    assert client.get(overdue_page.url).status_code == 200
    client.force_login(editor)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[overdue_page.pk])).content.decode()
    assert "medical review is overdue" in edit
    dashboard = client.get("/admin/").content.decode()
    assert "Medical review due" in dashboard and "Sciatica" in dashboard


def test_the_review_due_report_lists_overdue_pages_and_exports_csv(client, editor, overdue_page):
    client.force_login(editor)
    report = BeautifulSoup(client.get("/admin/reports/review-due/").content, "html.parser")
    rows = {
        tr.select_one("td.title").get_text(strip=True): [
            td.get_text(strip=True) for td in tr.select("td")
        ]
        for tr in report.select("table.listing tbody tr")
    }
    assert rows["Sciatica"][1:] == [
        "Condition",
        "Olive Overdue",
        "10 Jan 2024",
        "10 Jan 2025",
        "Overdue",
    ]
    overdue_only = client.get("/admin/reports/review-due/", {"status": "overdue"}).content.decode()
    assert "Sciatica" in overdue_only and "Kyphoplasty" not in overdue_only

    export = client.get("/admin/reports/review-due/", {"status": "overdue", "export": "csv"})
    assert export["Content-Type"].startswith("text/csv")
    lines = b"".join(export.streaming_content).decode().splitlines()
    assert lines[0] == "Page,Type,Reviewed by,Last reviewed,Next review due,Status"
    assert lines[1] == "Sciatica,Condition,Olive Overdue,2024-01-10,2025-01-10,Overdue"
    xlsx = client.get("/admin/reports/review-due/", {"export": "xlsx"})
    assert xlsx.status_code == 200 and "spreadsheetml" in xlsx["Content-Type"]


def test_reviewers_get_an_email_of_their_due_pages(client, reviewer, overdue_page):
    overdue_page.review.reviewer = PhysicianPage.objects.get(reviewer_account=reviewer)
    overdue_page.review.save()
    output = StringIO()
    call_command("send_review_reminders", stdout=output)
    to_reviewer = [message for message in mail.outbox if message.to == ["rev@clinic.invalid"]]
    assert len(to_reviewer) == 1
    body = to_reviewer[0].body
    assert "Sciatica: overdue, due 10 January 2025" in body
    assert f"/admin/pages/{overdue_page.pk}/edit/" in body
    # Pages without a reviewer go to the Medical reviewers group too, in the same message.
    assert "Kyphoplasty: never reviewed" in body
    assert "reminder" in output.getvalue()


# Scheduled publishing and content checks


def test_an_editor_schedules_a_news_post_and_cron_publishes_it_on_time(client, editor, monkeypatch):
    client.force_login(editor)
    go_live = timezone.localtime() + datetime.timedelta(hours=2)
    data = nested_form_data(
        {
            "title": "Open on Saturdays",
            "slug": "open-on-saturdays",
            "date": go_live.date().isoformat(),
            "author": "",
            "summary": "From next month we open on Saturday mornings.",
            "image": "",
            "body": streamfield([]),
            "go_live_at": go_live.strftime("%Y-%m-%d %H:%M"),
            "action-publish": "Publish",
        }
    )
    client.post(add_url(NewsIndexPage.objects.get(), NewsPostPage), data)
    post = NewsPostPage.objects.get(slug="open-on-saturdays")
    assert not post.live
    assert client.get(post.url).status_code == 404

    call_command("publish_scheduled", stdout=StringIO())
    post.refresh_from_db()
    assert not post.live  # not yet

    later = timezone.now() + datetime.timedelta(hours=3)
    monkeypatch.setattr(timezone, "now", lambda: later)
    call_command("publish_scheduled", stdout=StringIO())
    post.refresh_from_db()
    assert post.live
    monkeypatch.undo()
    assert client.get(post.url).status_code == 200


@pytest.mark.parametrize(
    "page_slug", ["sacroiliac-joint-injection", "sciatica", "howard-jackson", "about"]
)
def test_content_checks_are_in_the_editor(client, page_slug):
    admin = get_user_model().objects.create_superuser("checker", "", "a-long-password")
    client.force_login(admin)
    page = Page.objects.get(slug=page_slug)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    for marker in [
        "data-content-readability-score",
        "data-content-word-count",
        "checker-axe-configuration",
    ]:
        assert marker in edit, marker
