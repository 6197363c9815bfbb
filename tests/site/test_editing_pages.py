"""
Editors at work on pages in the admin: every page type opens, previews and publishes unchanged;
the editor's tabs, content checks and reading grade; a photo too small is refused; Pages opens at
the home page.
"""

import pytest
from bs4 import BeautifulSoup

from django.contrib.auth import get_user_model
from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils.wagtail_factories import ImageFactory

from conditions.models import ConditionPage
from procedures.models import ProcedurePage
from tests.accounts import sign_in
from tests.editor import editor_form_data

from .superuser_admin import SuperuserTestCase


pytestmark = pytest.mark.django_db


def main_text(response):
    return BeautifulSoup(response.content, "html.parser").main.get_text(" ", strip=True)


class AdminEditingTest(SuperuserTestCase):
    def test_every_page_type_opens_previews_and_publishes_unchanged_in_the_editor(self):
        seen = set()
        for page in Page.objects.filter(depth__gt=1).specific():
            if type(page) in seen:
                continue  # the first page of each type, demo content and all
            seen.add(type(page))
            with self.subTest(page=page.url_path):
                data = editor_form_data(self.client, page)
                preview = self.client.post(
                    reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]), data
                )
                assert preview.json() == {"is_valid": True, "is_available": True}
                shown = self.client.get(
                    reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
                )
                assert shown.status_code == 200 and page.title in shown.content.decode()

                before = main_text(self.client.get(page.url))
                data["action-publish"] = "action-publish"
                response = self.client.post(
                    reverse("wagtailadmin_pages:edit", args=[page.pk]), data
                )
                assert response.status_code == 302, response.context["form"].errors
                assert page.revisions.count() >= 2
                # Nothing was lost on the way through the form: the page reads the same.
                assert main_text(self.client.get(page.url)) == before
        assert len(seen) == 14

    def test_a_preview_shows_unsaved_related_pages_while_patients_see_the_kept_ones(self):
        page = ProcedurePage.objects.get(slug="sacroiliac-joint-injection")
        patients = self.client_class()
        kept = main_text(patients.get(page.url))  # the live page's lists are now kept
        assert "Complex regional pain syndrome" not in kept
        crps = ConditionPage.objects.get(slug="complex-regional-pain-syndrome")

        data = editor_form_data(self.client, page)
        data["conditions_treated"] = [*data["conditions_treated"], str(crps.pk)]
        preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
        assert self.client.post(preview_url, data).json()["is_valid"]
        assert "Complex regional pain syndrome" in main_text(self.client.get(preview_url))
        assert main_text(patients.get(page.url)) == kept

        data["action-publish"] = "action-publish"
        self.client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
        assert "Complex regional pain syndrome" in main_text(patients.get(page.url))

    def test_editor_tabs_group_the_fields(self):
        page = Page.objects.get(url_path="/home/procedures/sacroiliac-joint-injection/")
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        soup = BeautifulSoup(response.content, "html.parser")
        tabs = [tab.get_text(strip=True).removesuffix("()") for tab in soup.select("[role=tab]")]
        assert tabs[:6] == [
            "Content",
            "Safety",
            "At a glance",
            "Related",
            "Medical review",
            "Promote",
        ]
        assert "Other names for this, one per line" in response.content.decode()

    def test_a_photo_too_small_for_the_profile_is_refused_with_a_reason(self):
        physician = Page.objects.get(url_path="/home/physicians/howard-jackson/").specific
        small = ImageFactory(title="Small portrait", file__width=200, file__height=200)
        data = editor_form_data(self.client, physician)
        data["photo"] = [str(small.pk)]
        data["action-publish"] = "action-publish"
        response = self.client.post(reverse("wagtailadmin_pages:edit", args=[physician.pk]), data)
        assert response.status_code == 200
        assert "Choose one at least 320 × 320 pixels" in response.content.decode()
        physician.refresh_from_db()
        assert physician.photo is None

        big = ImageFactory(title="Portrait", file__width=640, file__height=640)
        data["photo"] = [str(big.pk)]
        response = self.client.post(reverse("wagtailadmin_pages:edit", args=[physician.pk]), data)
        assert response.status_code == 302
        physician.refresh_from_db()
        assert physician.photo == big


@pytest.mark.parametrize(
    "page_slug", ["sacroiliac-joint-injection", "sciatica", "howard-jackson", "about"]
)
def test_content_checks_are_in_the_editor(client, page_slug):
    admin = get_user_model().objects.create_superuser("checker", "", "a-long-password")
    sign_in(client, admin)
    page = Page.objects.get(slug=page_slug, locale__language_code="en")
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    for marker in [
        "data-content-readability-score",
        "data-content-word-count",
        "checker-axe-configuration",
    ]:
        assert marker in edit, marker


def test_pages_opens_at_the_home_page_not_the_root_of_the_tree(client):
    admin = get_user_model().objects.create_superuser("owner", "", "a-long-password")
    sign_in(client, admin)
    home = Page.objects.get(depth=2, locale__language_code="en")
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    props = BeautifulSoup(page, "html.parser").select_one("#wagtail-sidebar-props").string
    assert f'"/admin/pages/{home.pk}/"' in props
    assert '"/admin/pages/"' not in props
    assert client.get(f"/admin/pages/{home.pk}/").status_code == 200


def test_the_editor_sees_the_reading_grade_and_a_warning_when_a_page_gets_hard(client, editor):
    sign_in(client, editor)
    page = Page.objects.get(slug="trigger-point-injections").specific
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    panel = BeautifulSoup(client.get(edit_url).content, "html.parser")
    text = " ".join(panel.get_text(" ").split())
    assert "Reading grade" in text
    assert "plain enough for most patients" in text
    assert "harder than grade 8" not in text

    data = editor_form_data(client, page)
    hard = (
        "Intramuscular administration of local anesthetic, occasionally supplemented by "
        "corticosteroid medication, into hyperirritable myofascial trigger points "
        "alleviates referred musculoskeletal discomfort."
    )
    # The editor rewrites the summary and the safety parts in jargon and drops the body.
    data["body-count"] = ["0"]
    for name in ["summary", *(name for name, _ in page.safety_parts)]:
        data[name] = [hard]
    response = client.post(edit_url, data)  # "Save draft"
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.has_unpublished_changes
    text = " ".join(
        BeautifulSoup(client.get(edit_url).content, "html.parser").get_text(" ").split()
    )
    assert "harder than grade 8" in text
    assert "Shorten long sentences" in text
    # The live page patients read is unchanged until the draft is published.
    assert "tight, sore knot" in client.get(page.url).content.decode()
