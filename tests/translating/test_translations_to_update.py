"""
A translation says it is out of date when the English page changes, syncing takes the change in
without publishing it unreviewed, and the Translations to update report lists what changed.
"""

import pytest
from bs4 import BeautifulSoup

from django.urls import reverse

from home.roles import FRONT_DESK
from procedures.models import ProcedurePage
from tests.accounts import make_user, sign_in
from tests.admin_screens import admin_menu_links
from translating.status import synced_translation

from .translation_editor import string_segment


pytestmark = pytest.mark.django_db


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
