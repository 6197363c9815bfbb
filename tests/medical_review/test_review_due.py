"""Clinical pages due for review: flagged to editors, reported, and reminded to reviewers."""

import datetime
from io import StringIO

import pytest
from bs4 import BeautifulSoup

from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from conditions.models import ConditionPage
from medical_review.models import MedicalReview
from physicians.factories import PhysicianPageFactory
from physicians.models import PhysicianIndexPage
from tests.accounts import sign_in


pytestmark = pytest.mark.django_db


@pytest.fixture
def overdue_page():
    page = ConditionPage.objects.get(slug="sciatica")
    MedicalReview.objects.create(
        page=page,
        last_reviewed=datetime.date(2024, 1, 10),
        next_review_due=datetime.date(2025, 1, 10),
        reviewer=PhysicianPageFactory(
            parent=PhysicianIndexPage.objects.get(locale__language_code="en"),
            title="Olive Overdue",
            family_name="Overdue",
        ),
    )
    return page


def test_an_overdue_page_stays_published_and_is_flagged_for_editors(client, editor, overdue_page):
    assert client.get(overdue_page.url).status_code == 200
    sign_in(client, editor)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[overdue_page.pk])).content.decode()
    assert "medical review is overdue" in edit
    dashboard = client.get("/admin/").content.decode()
    assert "Medical review due" in dashboard and "Sciatica" in dashboard


def test_the_review_due_report_lists_overdue_pages_and_exports_csv(client, editor, overdue_page):
    sign_in(client, editor)
    report = BeautifulSoup(client.get("/admin/reports/review-due/").content, "html.parser")
    rows = {
        tr.select_one("td.title").get_text(strip=True): [
            td.get_text(strip=True) for td in tr.select("td")
        ]
        for tr in report.select("table.listing tbody tr")
    }
    assert rows["Sciatica"][1:] == [
        "Condition",
        "Olive Overdue",
        "Jan 10, 2024",
        "Jan 10, 2025",
        "Overdue",
    ]
    overdue_only = client.get("/admin/reports/review-due/", {"status": "overdue"}).content.decode()
    assert "Sciatica" in overdue_only and "Kyphoplasty" not in overdue_only

    export = client.get("/admin/reports/review-due/", {"status": "overdue", "export": "csv"})
    assert export["Content-Type"].startswith("text/csv")
    lines = b"".join(export.streaming_content).decode().splitlines()
    assert lines[0] == "Page,Type,Reviewed by,Last reviewed,Next review due,Status"
    assert lines[1] == "Sciatica,Condition,Olive Overdue,2024-01-10,2025-01-10,Overdue"
    xlsx = client.get("/admin/reports/review-due/", {"export": "xlsx"})
    assert xlsx.status_code == 200 and "spreadsheetml" in xlsx["Content-Type"]


def test_reviewers_get_an_email_of_their_due_pages(client, reviewer, overdue_page):
    overdue_page.review.reviewer = reviewer.physician_account.physician
    overdue_page.review.save()
    output = StringIO()
    call_command("send_review_reminders", stdout=output)
    to_reviewer = [message for message in mail.outbox if message.to == ["rev@clinic.invalid"]]
    assert len(to_reviewer) == 1
    body = to_reviewer[0].body
    assert "Sciatica: overdue, due January 10, 2025" in body
    assert f"/admin/pages/{overdue_page.pk}/edit/" in body
    # Pages without a reviewer go to the Medical reviewers group too, in the same message.
    assert "Kyphoplasty: never reviewed" in body
    assert "reminder" in output.getvalue()
