"""
Editors translate pages in the admin with wagtail-localize, and a translated clinical page is
held to the same medical review as the English one.
"""

from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup

from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale, WorkflowPage, WorkflowState

from home.roles import FRONT_DESK
from procedures.models import ProcedureIndexPage, ProcedurePage
from tests.accounts import make_user, sign_in
from tests.admin_screens import admin_menu_links
from translating.status import save_draft, synced_translation


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


def string_segment(translation, path):
    return translation.source.stringsegment_set.select_related("string").get(context__path=path)


def translate_string(client, translation, path, text):
    """What the translation editor sends when an editor types a translation and leaves the field."""
    segment = string_segment(translation, path)
    response = client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        data=urlencode({"value": text}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (200, 201), response.content


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


def test_a_translation_says_it_is_out_of_date_when_the_english_page_changes(
    client, editor, site_admin, admin_user
):
    spanish = ProcedurePage.objects.get(slug="inyeccion-articulacion-sacroiliaca")
    english = ProcedurePage.objects.get(slug="sacroiliac-joint-injection")
    translation = synced_translation(spanish)
    edit_url = reverse("wagtailadmin_pages:edit", args=[spanish.pk])
    sync_url = reverse("wagtail_localize:update_translations", args=[translation.source.pk])
    sign_in(client, editor)
    assert "Out of date" not in client.get(edit_url).content.decode()

    english.summary = "Numbing medicine and a steroid go into the joint at the base of the spine."
    english.save_revision().publish()
    editor_page = client.get(edit_url).content.decode()
    assert "Out of date: the English page changed on" in editor_page
    assert f'href="{sync_url}"' in editor_page

    # Syncing takes in the English change; an editor cannot publish it from there unreviewed.
    sync_form = client.get(sync_url).content.decode()
    assert sync_form.count('name="publish_translations"') == 0
    live = spanish.live_revision_id
    assert client.post(sync_url, {"publish_translations": "on"}).status_code == 302
    spanish.refresh_from_db()
    assert spanish.live_revision_id == live
    assert "Out of date" not in client.get(edit_url).content.decode()
    segment = string_segment(translation, "summary")
    assert segment.string.data == english.summary  # waiting for its Spanish

    # Only someone who may publish the translation itself (a superuser here) is offered it.
    sign_in(client, site_admin)
    assert 'name="publish_translations"' not in client.get(sync_url).content.decode()
    sign_in(client, admin_user)
    assert 'name="publish_translations"' in client.get(sync_url).content.decode()


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


def test_the_translations_to_update_report_lists_what_the_english_changed(client, editor):
    report = reverse("translations_to_update")
    sign_in(client, editor)
    assert "Every translation is up to date" in client.get(report).content.decode()

    english = ProcedurePage.objects.get(slug="sacroiliac-joint-injection")
    english.summary = "Numbing medicine and a steroid go into the joint at the base of the spine."
    english.save_revision().publish()
    page = BeautifulSoup(client.get(report).content, "html.parser")
    [row] = page.select("tbody tr")
    spanish = ProcedurePage.objects.get(slug="inyeccion-articulacion-sacroiliaca")
    assert row.select_one("a")["href"] == reverse("wagtailadmin_pages:edit", args=[spanish.pk])
    assert "Sacroiliac joint injection" in row.get_text()
    assert "Translations to update" in [label for label, _ in admin_menu_links(page)]

    # Synced from the English page: nothing left to update.
    translation = synced_translation(spanish)
    client.post(reverse("wagtail_localize:update_translations", args=[translation.source.pk]))
    assert "Every translation is up to date" in client.get(report).content.decode()


def test_the_front_desk_has_no_translations_report(client):
    sign_in(client, make_user("desk", FRONT_DESK))
    assert client.get(reverse("translations_to_update")).status_code in (302, 403)
    dashboard = BeautifulSoup(client.get("/admin/").content, "html.parser")
    assert "Translations to update" not in [label for label, _ in admin_menu_links(dashboard)]
