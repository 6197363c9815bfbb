"""
Each role's journey in the admin: what editors and site admins may and may not create, edit and
publish.
"""

import pytest

from django.urls import reverse

from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from clinic.models import ClinicSettings
from first_visit.models import FirstVisitSettings
from home.models import StandardPage
from news.models import NewsIndexPage, NewsPostPage
from physicians.models import PhysicianIndexPage, PhysicianPage
from procedures.models import ProcedureIndexPage, ProcedurePage
from tests.accounts import sign_in
from tests.admin_screens import add_url, procedure_form
from tests.editor import before_a_visit_url


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
