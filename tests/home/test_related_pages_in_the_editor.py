"""
The page editor shows, read-only, what other pages say about the page: the physicians who perform
a procedure and the procedures that treat a condition, linked to their editors for those who may
edit them.
"""

import pytest
from bs4 import BeautifulSoup

from django.contrib.auth import get_user_model
from django.urls import reverse

from conditions.models import ConditionPage
from procedures.models import ProcedurePage
from tests.accounts import sign_in
from tests.fictional_content import create_fictional_physician


pytestmark = pytest.mark.django_db


def test_the_procedure_editor_shows_who_performs_it(client, editor):
    """Set on the physician's profile; shown, read-only, where editors write the procedure."""
    physician = create_fictional_physician()  # performs the SI joint injection
    page = ProcedurePage.objects.get(slug="sacroiliac-joint-injection")
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])

    sign_in(client, editor)
    screen = BeautifulSoup(client.get(edit_url).content, "html.parser")
    panel = screen.find(string="Physicians who perform it").find_parent(attrs={"data-panel": True})
    assert "Alex Example" in panel.get_text()
    assert panel.select_one(f"a[href$='/pages/{physician.pk}/edit/']") is None  # not theirs

    admin = get_user_model().objects.create_superuser("boss", "", "a-long-password")
    sign_in(client, admin)
    screen = BeautifulSoup(client.get(edit_url).content, "html.parser")
    panel = screen.find(string="Physicians who perform it").find_parent(attrs={"data-panel": True})
    assert panel.select_one(f"a[href$='/pages/{physician.pk}/edit/']")


def test_the_condition_editor_shows_the_procedures_that_treat_it(client, editor):
    page = ConditionPage.objects.get(slug="sciatica")
    treating = sorted(page.procedures.values_list("title", flat=True))
    assert treating
    sign_in(client, editor)
    screen = BeautifulSoup(
        client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content, "html.parser"
    )
    panel = screen.find(string="Procedures that treat it").find_parent(attrs={"data-panel": True})
    shown = [li.get_text(" ", strip=True) for li in panel.select("li")]
    assert shown == treating
    # Editors may edit procedures too: each links to its editor.
    assert len(panel.select("li a[href*='/edit/']")) == len(treating)
