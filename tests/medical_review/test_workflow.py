"""A medical reviewer approves a clinical page, or sends it back; the approval is recorded for patients."""

import datetime

import pytest
from bs4 import BeautifulSoup

from django.urls import reverse
from django.utils import timezone

from wagtail.models import WorkflowState

from home.roles import MEDICAL_REVIEWERS
from medical_review.models import MedicalReview, add_months
from physicians.factories import PhysicianPageFactory
from physicians.models import PhysicianAccount, PhysicianIndexPage
from procedures.models import ProcedureIndexPage, ProcedurePage
from tests.accounts import make_user, sign_in
from tests.admin_screens import add_url, admin_menu_links, procedure_form
from tests.editor import editor_form_data
from tests.fictional_content import create_fictional_physician, record_fictional_review


pytestmark = pytest.mark.django_db


def submit_new_procedure(client, editor):
    sign_in(client, editor)
    data = procedure_form()
    data["action-submit"] = "Submit to Medical review"
    response = client.post(
        add_url(ProcedureIndexPage.objects.get(locale__language_code="en"), ProcedurePage), data
    )
    assert response.status_code == 302, response.content[:2000]
    return ProcedurePage.objects.get(slug="genicular-nerve-block")


def test_a_reviewers_approval_publishes_the_page_and_records_the_review(client, editor, reviewer):
    page = submit_new_procedure(client, editor)
    sign_in(client, reviewer)
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
    assert f"Last reviewed {today:%B %-d, %Y}" in line  # US style: "March 5, 2026"
    assert f"Next review due {add_months(today, 12):%B %Y}" in line
    assert public.select_one(".review-line a")["href"] == "/physicians/robin-reviewer/"


def test_a_reviewer_can_send_a_page_back_with_a_comment(client, editor, reviewer):
    page = submit_new_procedure(client, editor)
    sign_in(client, reviewer)
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
    sign_in(client, reviewer)
    assert client.get(
        add_url(ProcedureIndexPage.objects.get(locale__language_code="en"), ProcedurePage)
    ).status_code in (
        302,
        403,
    )
    page = ProcedurePage.objects.get(slug="kyphoplasty")
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code in (302, 403)  # not on review: nothing for them to do


@pytest.mark.parametrize("credentials", [None, ""], ids=["no profile", "no credentials"])
def test_an_approval_that_cannot_name_the_reviewer_is_refused_with_the_way_to_fix_it(
    client, editor, credentials
):
    page = submit_new_procedure(client, editor)
    nameless = make_user("nameless", MEDICAL_REVIEWERS)
    if credentials is not None:
        profile = PhysicianPageFactory(
            parent=PhysicianIndexPage.objects.get(locale__language_code="en"),
            title="Sam Nameless",
            credentials=credentials,
        )
        profile.save_revision().publish()
        PhysicianAccount.objects.create(physician=profile, account=nameless)
    sign_in(client, nameless)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    edit = client.get(edit_url).content.decode()
    assert "You cannot approve clinical pages yet" in edit
    assert "Settings › Users, under Physician profile" in edit  # says how to fix it
    assert "data-workflow-action-url" not in edit or "/approve/" not in edit
    assert "Request changes" in edit  # what they can still do

    task_state = WorkflowState.objects.get(object_id=str(page.pk)).current_task_state
    modal = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    assert client.post(modal).status_code in (302, 403)  # Wagtail's "no permission"
    page.refresh_from_db()
    assert not page.live

    data = editor_form_data(client, page)
    data["action-workflow-action"] = "true"
    data["workflow-action-name"] = "approve"
    response = client.post(edit_url, data, follow=True)
    assert response.status_code == 200
    assert "Not approved. You cannot approve clinical pages yet" in response.content.decode()
    page.refresh_from_db()
    assert not page.live and page.review is None
    assert WorkflowState.objects.get(object_id=str(page.pk)).status == "in_progress"


def test_the_editor_sees_the_reviewers_request_for_changes_on_the_edit_screen(
    client, editor, reviewer
):
    page = submit_new_procedure(client, editor)
    sign_in(client, reviewer)
    task_state = WorkflowState.objects.get(object_id=str(page.pk)).current_task_state
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", task_state.pk]),
        {"comment": "Please say how long the numbness lasts."},
    )
    sign_in(client, editor)
    edit = BeautifulSoup(
        client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content, "html.parser"
    )
    text = " ".join(edit.get_text(" ").split())
    assert "asked for changes on" in text
    assert "“Please say how long the numbness lasts.”" in text
    assert "submit the page for medical review again" in text


def test_a_site_admin_corrects_a_review_record_and_the_page_history_says_so(
    client, site_admin, editor
):
    physician = create_fictional_physician()
    page = record_fictional_review(physician)
    review = MedicalReview.objects.get(page_id=page.pk)
    edit_url = reverse("review_records:edit", args=[review.pk])

    sign_in(client, editor)
    assert client.get(edit_url).status_code in (302, 403)  # editors cannot touch it

    sign_in(client, site_admin)
    listing = client.get(reverse("review_records:index")).content.decode()
    assert page.title in listing
    assert client.get(reverse("review_records:add")).status_code in (302, 403, 404)

    today = timezone.localdate()
    future = {
        "reviewer": str(physician.pk),
        "last_reviewed": str(today + datetime.timedelta(days=3)),
        "next_review_due": str(add_months(today, 12)),
    }
    response = client.post(edit_url, future)
    assert response.status_code == 200
    assert "The last review cannot be in the future." in response.content.decode()

    corrected = {**future, "last_reviewed": str(today - datetime.timedelta(days=7))}
    response = client.post(edit_url, corrected)
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.last_reviewed == today - datetime.timedelta(days=7)

    # The page's own history tells editors (and auditors) who changed the record, and how.
    sign_in(client, editor)
    history = client.get(reverse("wagtailadmin_pages:history", args=[page.pk])).content.decode()
    assert "Medical review record corrected: Last reviewed:" in history
    assert str(today - datetime.timedelta(days=7)) in history

    # The site admin reads it in the record's own History, linked from the record.
    sign_in(client, site_admin)
    record_history = reverse("review_records:history", args=[review.pk])
    edit = BeautifulSoup(client.get(edit_url).content, "html.parser")
    assert edit.select_one(f"a[href='{record_history}']")
    history = BeautifulSoup(client.get(record_history).content, "html.parser")
    entries = [" ".join(row.get_text(" ").split()) for row in history.select("tbody tr")]
    assert len(entries) == 1  # the correction, once, not also as a bare "Edit"
    assert "Medical review record corrected: Last reviewed:" in entries[0]
    assert str(today - datetime.timedelta(days=7)) in entries[0]
    # Wagtail opens a page's history only to those who may edit or publish it, and clinical
    # pages are for editors and medical reviewers (home.roles).
    page_history = client.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
    assert page_history.status_code in (302, 403)


def test_a_reviewer_sees_what_awaits_their_review_before_the_pages_due_for_review(
    client, editor, reviewer
):
    page = submit_new_procedure(client, editor)
    sign_in(client, reviewer)
    dashboard = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
    headings = [" ".join(h.get_text().split()) for h in dashboard.select("main h2")]
    awaiting = next(i for i, text in enumerate(headings) if text.startswith("Awaiting your review"))
    due = next(i for i, text in enumerate(headings) if text.startswith("Medical review due"))
    assert awaiting < due
    assert page.title in dashboard.select("main h2")[awaiting].find_parent("section").get_text()


def test_the_menu_and_the_list_call_review_records_the_same(client, site_admin):
    sign_in(client, site_admin)
    dashboard = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
    listing_url = reverse("review_records:index")
    assert ("Review records", listing_url) in admin_menu_links(dashboard)
    listing = BeautifulSoup(client.get(listing_url).content, "html.parser")
    assert listing.h1.get_text(strip=True) == "Review records"
