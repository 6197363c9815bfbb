"""
A translated clinical page is held to the same medical review as the English one: the Spanish
sections have the English sections' workflows, an editor may translate but not publish, and a
Spanish page shows no review until its own.
"""

import pytest

from django.urls import reverse

from wagtail.models import WorkflowPage, WorkflowState

from procedures.models import ProcedureIndexPage, ProcedurePage
from tests.accounts import sign_in


pytestmark = pytest.mark.django_db


def test_the_spanish_sections_have_the_english_sections_workflows():
    for model in (ProcedureIndexPage,):
        english = model.objects.get(locale__language_code="en")
        spanish = model.objects.get(locale__language_code="es")
        workflow = WorkflowPage.objects.get(page=english).workflow
        assert workflow.name == "Medical review"
        assert WorkflowPage.objects.get(page=spanish).workflow == workflow


def test_an_editor_may_translate_but_not_publish_a_clinical_translation(client, editor):
    spanish = ProcedurePage.objects.get(slug="inyeccion-articulacion-sacroiliaca")
    english = ProcedurePage.objects.get(slug="sacroiliac-joint-injection")
    assert editor.has_perm("wagtail_localize.submit_translation")
    permissions = spanish.permissions_for_user(editor)
    assert permissions.can_edit()
    assert not permissions.can_publish()  # a medical reviewer approves it, as in English
    sign_in(client, editor)
    # The English page offers its translations to sync; the Spanish one opens the translation
    # editor, which shows the English text beside the Spanish.
    listing = client.get(reverse("wagtailadmin_explore", args=[english.get_parent().pk]))
    assert listing.status_code == 200
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[spanish.pk]))
    assert edit.status_code == 200
    text = edit.content.decode()
    assert (
        "Sacroiliac joint injection" in text and "Inyección en la articulación sacroilíaca" in text
    )
    # Its publish button is refused: the translation goes through review.
    revision = spanish.latest_revision_id
    refused = client.post(
        reverse("wagtailadmin_pages:edit", args=[spanish.pk]), {"action": "publish"}
    )
    assert refused.status_code == 302 and refused["Location"] == "/admin/"  # "no permission"
    spanish.refresh_from_db()
    assert spanish.latest_revision_id == revision


def test_a_spanish_clinical_page_has_no_review_until_its_own(client):
    spanish = ProcedurePage.objects.get(slug="inyeccion-articulacion-sacroiliaca")
    assert spanish.review is None and spanish.is_unreviewed_translation
    english = ProcedurePage.objects.get(slug="sacroiliac-joint-injection")
    assert not english.is_unreviewed_translation
    response = client.get(spanish.url)
    assert "Esta traducción todavía no la ha revisado un médico." in response.content.decode()
    assert f'href="{english.url}" hreflang="en"' in response.content.decode()


def test_only_a_translation_with_a_workflow_is_submitted_and_only_once(client, editor, reviewer):
    spanish = ProcedurePage.objects.get(slug="inyeccion-articulacion-sacroiliaca")
    english = ProcedurePage.objects.get(slug="sacroiliac-joint-injection")
    sign_in(client, reviewer)  # reviews, does not edit or submit
    refused = client.post(reverse("submit_translation_for_review", args=[spanish.pk]))
    assert refused.status_code == 302 and refused["Location"] == "/admin/"  # "no permission"
    assert not WorkflowState.objects.filter(object_id=str(spanish.pk)).exists()
    sign_in(client, editor)
    refused = client.post(reverse("submit_translation_for_review", args=[english.pk]), follow=True)
    assert "This page is not a translation that goes through review." in refused.content.decode()
    assert not WorkflowState.objects.filter(object_id=str(english.pk)).exists()
    submit_url = reverse("submit_translation_for_review", args=[spanish.pk])
    client.post(submit_url)
    again = client.post(submit_url, follow=True)
    assert "is already in Medical review." in again.content.decode()
    assert WorkflowState.objects.filter(object_id=str(spanish.pk)).count() == 1
