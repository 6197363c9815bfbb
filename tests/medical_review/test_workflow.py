"""A medical reviewer approves a clinical page, or sends it back; the approval is recorded for patients."""

import pytest
from bs4 import BeautifulSoup

from django.urls import reverse
from django.utils import timezone

from wagtail.models import WorkflowState

from medical_review.models import add_months
from procedures.models import ProcedureIndexPage, ProcedurePage
from tests.conftest import add_url, procedure_form


pytestmark = pytest.mark.django_db


def submit_new_procedure(client, editor):
    client.force_login(editor)
    data = procedure_form()
    data["action-submit"] = "Submit to Medical review"
    response = client.post(add_url(ProcedureIndexPage.objects.get(), ProcedurePage), data)
    assert response.status_code == 302, response.content[:2000]
    return ProcedurePage.objects.get(slug="genicular-nerve-block")


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
    assert f"Last reviewed {today:%B %-d, %Y}" in line  # US style: "March 5, 2026"
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
