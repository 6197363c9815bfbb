"""
Editors translate pages in the admin with wagtail-localize and send the translation to medical
review: a new translation stays a draft off the site until it is reviewed, and each item of a list
is a string of its own for the translator.
"""

import pytest

from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale, WorkflowState

from procedures.models import ProcedurePage
from tests.accounts import sign_in
from translating.status import save_draft, synced_translation

from .translation_editor import string_segment, translate_string


pytestmark = pytest.mark.django_db


def test_an_editor_sends_a_spanish_procedure_to_review_and_a_reviewer_approves_it(
    client, editor, reviewer
):
    spanish = ProcedurePage.objects.get(slug="inyeccion-articulacion-sacroiliaca")
    english = ProcedurePage.objects.get(slug="sacroiliac-joint-injection")
    english_review = english.last_reviewed
    translation = synced_translation(spanish)
    sign_in(client, editor)
    editor_page = client.get(reverse("wagtailadmin_pages:edit", args=[spanish.pk])).content.decode()
    submit_url = reverse("submit_translation_for_review", args=[spanish.pk])
    assert "A translated page goes live only through Medical review." in editor_page
    assert f'href="{submit_url}"' in editor_page and "Submit to Medical review" in editor_page

    new_summary = "Un medicamento que calma el dolor y la hinchazón se inyecta en la articulación."
    translate_string(client, translation, "summary", new_summary)
    confirm = client.get(submit_url)
    assert confirm.status_code == 200
    assert (
        "All " in confirm.content.decode() and "texts are translated." in confirm.content.decode()
    )
    assert client.post(submit_url)["Location"] == reverse(
        "wagtailadmin_pages:edit", args=[spanish.pk]
    )

    spanish.refresh_from_db()
    assert spanish.workflow_in_progress and spanish.current_workflow_task.name == "Medical review"
    assert spanish.get_latest_revision_as_object().summary == new_summary
    assert spanish.live and spanish.summary != new_summary  # patients see the approved page
    assert new_summary not in client.get(spanish.url).content.decode()
    editor_page = client.get(reverse("wagtailadmin_pages:edit", args=[spanish.pk])).content.decode()
    assert "In Medical review since" in editor_page and submit_url not in editor_page

    sign_in(client, reviewer)
    assert spanish.title in client.get("/admin/").content.decode()  # awaiting their review
    task_state = WorkflowState.objects.get(
        object_id=str(spanish.pk), status="in_progress"
    ).current_task_state
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[spanish.pk, "approve", task_state.pk]
    )
    assert client.post(approve).status_code in (200, 302)

    spanish.refresh_from_db()
    english.refresh_from_db()
    assert spanish.summary == new_summary and spanish.reviewed_by.title == "Robin Reviewer"
    assert spanish.last_reviewed == timezone.localdate() and not spanish.is_unreviewed_translation
    assert english.last_reviewed == english_review  # each language has its own record
    public = client.get(spanish.url).content.decode()
    assert new_summary in public
    assert "Revisado por un médico:" in public and "Robin Reviewer" in public
    assert "todavía no la ha revisado" not in public


def untranslated_procedure():
    """
    A live English procedure page that has no translation yet (every demo procedure has one):
    a copy of one, as an editor makes a new page from an existing one.
    """
    english = ProcedurePage.objects.get(slug="radiofrequency-ablation-hip-knee")
    return english.copy(
        update_attrs={
            "slug": "radiofrequency-ablation-knee",
            "title": "Knee radiofrequency ablation",
        },
        keep_live=True,
    ).specific


def test_a_new_translation_starts_as_a_draft_off_the_site_until_it_is_reviewed(
    client, editor, reviewer
):
    english = untranslated_procedure()
    assert not english.get_translations().exists()
    sign_in(client, editor)
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[english.pk]),
        {"locales": [Locale.objects.get(language_code="es").pk]},
    )
    assert response.status_code == 302
    spanish = english.get_translation(Locale.objects.get(language_code="es"))
    assert not spanish.live  # wagtail-localize would publish it, in English, unreviewed
    assert client.get(f"/es/procedimientos/{spanish.slug}/").status_code == 404
    editor_page = client.get(reverse("wagtailadmin_pages:edit", args=[spanish.pk])).content.decode()
    assert reverse("submit_translation_for_review", args=[spanish.pk]) in editor_page
    confirm = client.get(reverse("submit_translation_for_review", args=[spanish.pk])).content
    assert "It is not on the site yet" in confirm.decode()
    assert "texts are not translated yet. Patients would read them in English." in confirm.decode()

    # The editor translates the title and the address, and sends it to review.
    translation = synced_translation(spanish)
    translate_string(client, translation, "title", "Radiofrecuencia en la cadera y la rodilla")
    translate_string(client, translation, "slug", "radiofrecuencia-cadera-rodilla")
    client.post(reverse("submit_translation_for_review", args=[spanish.pk]))
    address = "/es/procedimientos/radiofrecuencia-cadera-rodilla/"
    assert client.get(address).status_code == 404  # still waiting for its review

    sign_in(client, reviewer)
    task_state = WorkflowState.objects.get(
        object_id=str(spanish.pk), status="in_progress"
    ).current_task_state
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[spanish.pk, "approve", task_state.pk])
    )
    live = client.get(address)
    assert live.status_code == 200
    assert "<h1>Radiofrecuencia en la cadera y la rodilla</h1>" in live.content.decode()
    assert "Revisado por un médico:" in live.content.decode()


def test_each_other_name_and_each_risk_is_a_string_of_its_own_for_the_translator(client, editor):
    """Lists an editor writes one per line stay separate items in the translation."""
    english = untranslated_procedure()
    assert len(english.other_names) >= 2
    sign_in(client, editor)
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[english.pk]),
        {"locales": [Locale.objects.get(language_code="es").pk]},
    )
    spanish = english.get_translation(Locale.objects.get(language_code="es"))
    translation = synced_translation(spanish)
    for position, name in enumerate(english.other_names):
        segment = string_segment(translation, f"also_known_as.{position}")
        assert segment.string.data == name  # no "<br/>" to keep or lose
    for position, risk in enumerate(english.serious_risk_list):
        assert string_segment(translation, f"serious_risks.{position}").string.data == risk
    translate_string(client, translation, "also_known_as.0", "Ablación de nervios geniculares")
    translate_string(client, translation, "also_known_as.1", "ARF de rodilla")
    save_draft(translation, editor)  # as submitting it for review does
    draft = ProcedurePage.objects.get(pk=spanish.pk).get_latest_revision_as_object()
    assert draft.other_names[:2] == ["Ablación de nervios geniculares", "ARF de rodilla"]
    assert len(draft.other_names) == len(english.other_names)
