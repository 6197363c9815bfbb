"""
Medical reviewers review a translation from a screen of their own (the translation editor has no
workflow buttons): they approve it or ask for changes with a comment; others get no such screen.
"""

import pytest
from bs4 import BeautifulSoup

from django.urls import reverse

from wagtail.models import WorkflowState

from procedures.models import ProcedurePage
from tests.accounts import sign_in
from translating.status import synced_translation

from .translation_editor import translate_string


pytestmark = pytest.mark.django_db


def test_a_reviewer_reviews_a_translation_from_its_own_screen(client, editor, reviewer):
    """The translation editor has no workflow buttons: the banner leads to a review screen."""
    spanish = ProcedurePage.objects.get(slug="inyeccion-articulacion-sacroiliaca")
    translation = synced_translation(spanish)
    sign_in(client, editor)
    new_summary = "Se inyectan dos medicamentos en la articulación sacroilíaca."
    translate_string(client, translation, "summary", new_summary)
    client.post(reverse("submit_translation_for_review", args=[spanish.pk]))

    sign_in(client, reviewer)
    edit_url = reverse("wagtailadmin_pages:edit", args=[spanish.pk])
    review_url = reverse("review_translation", args=[spanish.pk])
    banner = client.get(edit_url).content.decode()
    assert "review it to approve it or request changes" in banner
    assert f'href="{review_url}"' in banner
    screen = BeautifulSoup(client.get(review_url).content, "html.parser")
    buttons = {button.get_text(strip=True): button for button in screen.select("form button")}
    assert set(buttons) == {"Approve and publish", "Request changes"}
    form = screen.select_one("main form")
    data = {field["name"]: field.get("value", "") for field in form.select("input[name]")}
    response = client.post(buttons["Approve and publish"]["formaction"], data)
    assert response.status_code == 302 and response["Location"] == edit_url
    spanish.refresh_from_db()
    assert spanish.live and spanish.summary == new_summary
    assert spanish.reviewed_by.title == "Robin Reviewer"
    assert new_summary in client.get(spanish.url).content.decode()


def test_a_reviewer_asks_for_changes_to_a_translation_with_a_comment(client, editor, reviewer):
    spanish = ProcedurePage.objects.get(slug="inyeccion-articulacion-sacroiliaca")
    sign_in(client, editor)
    client.post(reverse("submit_translation_for_review", args=[spanish.pk]))
    sign_in(client, reviewer)
    screen = BeautifulSoup(
        client.get(reverse("review_translation", args=[spanish.pk])).content, "html.parser"
    )
    reject = next(b for b in screen.select("form button") if "Request changes" in b.get_text())
    form = screen.select_one("main form")
    data = {field["name"]: field.get("value", "") for field in form.select("input[name]")}
    data["comment"] = "Use “anestésico local” as on the other pages."
    assert client.post(reject["formaction"], data).status_code == 302
    spanish.refresh_from_db()
    assert not spanish.workflow_in_progress
    state = WorkflowState.objects.filter(object_id=str(spanish.pk)).latest("created_at")
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == data["comment"]


def test_someone_who_cannot_review_gets_no_review_screen(client, editor):
    spanish = ProcedurePage.objects.get(slug="inyeccion-articulacion-sacroiliaca")
    sign_in(client, editor)
    client.post(reverse("submit_translation_for_review", args=[spanish.pk]))
    response = client.get(reverse("review_translation", args=[spanish.pk]))
    assert response.status_code == 302 and response["Location"] == "/admin/"  # not permitted
    assert (
        "Review this translation"
        not in client.get(reverse("wagtailadmin_pages:edit", args=[spanish.pk])).content.decode()
    )
