"""
Online appointment requests: stored before anything else, never lost to a failing mail server,
announced to the front desk without patient details, seen only by the front desk and site
admins, every look recorded, and deleted after the retention period.
"""

import csv
import datetime
import io
import socket

import pytest
from bs4 import BeautifulSoup

from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from appointments.models import AppointmentAccessLog, AppointmentRequest
from appointments.tasks import retry_staff_notices
from clinic.models import ClinicSettings
from home.roles import EDITORS, FRONT_DESK, SITE_ADMINS
from locations.models import LocationPage
from physicians.models import PhysicianPage
from procedures.models import ProcedurePage
from tests.conftest import make_user


pytestmark = pytest.mark.django_db

URL = "/appointments/request/"
PATIENT = {
    "name": "Pat Example",
    "phone": "(312) 555-0190",
    "email": "pat@example.invalid",
    "patient_type": "new",
    "preferred_days": ["tue", "thu"],
    "preferred_times": ["morning"],
    "consent": "on",
}


@pytest.fixture
def front_desk():
    return make_user("desk", FRONT_DESK)


def send(client, data=None, **extra):
    return client.post(URL, {**PATIENT, **(data or {})}, **extra)


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nothing listens there once the socket closes


def test_a_valid_request_is_stored_and_the_patient_sees_the_confirmation(
    client, front_desk, django_capture_on_commit_callbacks
):
    location = LocationPage.objects.get(slug="springfield")
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, {"preferred_location": location.pk})
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert "Thank you, your request has been sent" in page.content.decode()

    stored = AppointmentRequest.objects.get()
    assert (stored.name, stored.phone, stored.email) == (
        "Pat Example",
        "(312) 555-0190",
        "pat@example.invalid",
    )
    assert stored.preferred_days == ["tue", "thu"]
    assert stored.preferred_location == location
    assert stored.status == AppointmentRequest.Status.NEW
    assert stored.consent_at is not None
    assert stored.notified_at is not None

    assert len(mail.outbox) == 1
    notice = mail.outbox[0]
    assert notice.to == [front_desk.email]
    text = notice.subject + notice.body
    assert "appointment request is waiting" in text
    assert "/admin/appointment-requests/" in notice.body
    for detail in ["Pat", "Example", "555-0190", "pat@example", "Springfield", "Tuesday"]:
        assert detail not in text, detail


def test_with_the_mail_server_down_the_request_is_kept_and_the_notice_retried(
    client, front_desk, django_capture_on_commit_callbacks
):
    smtp_down = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": closed_port(), "timeout": 2},
        }
    }
    with override_settings(MAILERS=smtp_down), django_capture_on_commit_callbacks(execute=True):
        response = send(client)
    assert response.status_code == 302
    assert "Thank you" in client.get(response["Location"]).content.decode()
    stored = AppointmentRequest.objects.get()
    assert stored.notified_at is None
    assert stored.notify_attempts == 1
    assert stored.next_notify_at > timezone.now()
    assert mail.outbox == []

    # Not yet due: nothing is retried.
    assert retry_staff_notices() == 0
    # Once due, and with the mail server back, the retry sends the notice.
    later = stored.next_notify_at + datetime.timedelta(seconds=1)
    assert retry_staff_notices(now=later) == 1
    stored.refresh_from_db()
    assert stored.notified_at is not None
    assert stored.notify_attempts == 2
    assert len(mail.outbox) == 1
    # And it is not sent twice.
    assert retry_staff_notices(now=later + datetime.timedelta(days=1)) == 0


def test_the_retry_job_runs_from_cron(client, front_desk, django_capture_on_commit_callbacks):
    request = AppointmentRequest.objects.create(
        name="Old notice",
        phone="3125550100",
        patient_type="new",
        consent_at=timezone.now(),
        notify_attempts=1,
        next_notify_at=timezone.now() - datetime.timedelta(minutes=1),
    )
    out = io.StringIO()
    call_command("send_appointment_notices", stdout=out)
    assert "1 retried" in out.getvalue()
    request.refresh_from_db()
    assert request.notified_at is not None


def test_invalid_input_shows_each_error_and_keeps_what_was_typed(client):
    response = send(
        client,
        {"name": "", "phone": "call me maybe", "email": "not-an-address", "consent": ""},
    )
    assert response.status_code == 400
    soup = soup_of(response)
    summary = soup.select_one(".error-summary").get_text()
    assert "Enter your name" in summary
    assert "Enter a phone number using digits" in summary
    assert "Enter an email address like name@example.com" in summary
    assert "Please tick the box to agree" in summary
    assert soup.find("input", attrs={"name": "phone"})["value"] == "call me maybe"
    assert soup.find("input", attrs={"name": "email"})["value"] == "not-an-address"
    assert soup.find("input", attrs={"name": "patient_type", "value": "new"}).has_attr("checked")
    phone = soup.find("input", attrs={"name": "phone"})
    assert phone["aria-invalid"] == "true"
    assert "id_phone_error" in phone["aria-describedby"]
    assert AppointmentRequest.objects.count() == 0


def test_a_phone_number_or_an_email_is_needed(client):
    response = send(client, {"phone": "", "email": ""})
    assert response.status_code == 400
    assert "Give us a phone number or an email address" in response.content.decode()
    assert send(client, {"phone": ""}).status_code == 302  # an email alone will do


def test_oversized_input_is_refused_with_a_message(client):
    response = send(client, {"name": "A" * 500})
    assert response.status_code == 400
    assert "Please shorten your name" in response.content.decode()
    response = send(client, {"preferred_location": "999999", "preferred_days": ["sun"]})
    assert response.status_code == 400
    assert "Choose a location from the list" in response.content.decode()
    assert AppointmentRequest.objects.count() == 0


def test_the_honeypot_turns_bots_away(client):
    response = send(client, {"website": "http://spam.example"})
    assert response.status_code == 400
    assert "Please call us instead" in response.content.decode()
    assert AppointmentRequest.objects.count() == 0


@override_settings(APPOINTMENT_RATE_LIMIT=(2, 3600))
def test_too_many_requests_from_one_address_are_refused_with_a_clear_message(client):
    assert send(client).status_code == 302
    assert send(client).status_code == 302
    response = send(client)
    assert response.status_code == 429
    page = response.content.decode()
    assert "several requests from your connection" in page
    assert 'value="Pat Example"' in page  # nothing typed is lost
    assert AppointmentRequest.objects.count() == 2
    other = send(client, REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 302  # another address is not held back


def test_the_form_asks_for_no_symptoms_unless_a_site_admin_allows_a_message(client):
    soup = soup_of(client.get(URL))
    assert soup.find("textarea") is None
    settings = ClinicSettings.objects.get()
    settings.appointment_message_enabled = True
    settings.save()
    soup = soup_of(client.get(URL))
    box = soup.find("textarea", attrs={"name": "message"})
    assert box is not None
    hint = soup.find(id=box["aria-describedby"].split()[0]).get_text()
    assert "do not write about your symptoms" in hint
    assert send(client, {"message": "Best after 3 pm"}).status_code == 302
    assert AppointmentRequest.objects.get().message == "Best after 3 pm"


def test_links_from_pages_fill_in_the_request(client):
    procedure = ProcedurePage.objects.get(slug="sacroiliac-joint-injection")
    link = soup_of(client.get(procedure.url)).find("a", string="Request an appointment online")[
        "href"
    ]
    assert link == f"{URL}?about={procedure.pk}"
    soup = soup_of(client.get(link))
    assert f"You are asking about {procedure.title}" in soup.get_text(" ", strip=True)
    assert soup.find("input", attrs={"name": "about"})["value"] == str(procedure.pk)
    # A stale page number in the form is dropped, not shown as an error.
    assert send(client, {"about": "999999"}).status_code == 302
    assert send(client, {"about": str(procedure.pk)}).status_code == 302
    assert [r.about_page_id for r in AppointmentRequest.objects.order_by("pk")] == [
        None,
        procedure.pk,
    ]

    physician = PhysicianPage.objects.get(slug="howard-jackson")
    soup = soup_of(client.get(f"{URL}?about={physician.pk}"))
    chosen = soup.find("select", attrs={"name": "preferred_physician"}).find(selected=True)
    assert chosen["value"] == str(physician.pk)

    # Pages that are not about a treatment or a physician add nothing to the request.
    for url in ["/conditions/", "/about/", "/news/non-surgical-relief-for-spine-pain/"]:
        link = soup_of(client.get(url)).find("a", string="Request an appointment online")
        assert link["href"] == URL, url
    news = soup_of(
        client.get(
            f"{URL}?about={ProcedurePage.objects.get(slug='sacroiliac-joint-injection').get_parent().pk}"
        )
    )
    assert "You are asking about" not in news.get_text()

    soup = soup_of(client.get(f"{URL}?location=springfield&about=nonsense"))
    chosen = soup.find("select", attrs={"name": "preferred_location"}).find(selected=True)
    assert chosen.get_text() == "Springfield outpatient center"


def test_request_pages_are_private_and_load_nothing_from_elsewhere(client):
    for response in [client.get(URL), send(client, {"name": ""})]:
        assert "no-store" in response["Cache-Control"]
        soup = soup_of(response)
        for tag in soup.find_all(["script", "img", "iframe", "link"]):
            address = tag.get("src") or tag.get("href") or ""
            assert not address.startswith(("http://", "https://", "//")) or address.startswith(
                "http://localhost/"
            ), address
        assert soup.find("input", attrs={"name": "csrfmiddlewaretoken"})


# The front desk


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
    client.force_login(editor)
    assert client.get(index).status_code in (302, 403)
    assert "Appointments" not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert client.get(
        reverse("appointment_requests:edit", args=[stored_request.pk])
    ).status_code in (302, 403)

    for user in [make_user("desk", FRONT_DESK), make_user("boss", SITE_ADMINS)]:
        client.force_login(user)
        response = client.get(index)
        assert response.status_code == 200
        assert "Pat Example" in response.content.decode()
    assert not AppointmentAccessLog.objects.filter(username="ed").exists()


def test_the_front_desk_marks_a_request_booked_and_cannot_add_one(
    client, front_desk, stored_request
):
    client.force_login(front_desk)
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
    client.force_login(front_desk)
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
    client.force_login(make_user("boss", SITE_ADMINS))
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
    client.force_login(front_desk)
    assert client.get(reverse("appointment_access_log:index")).status_code in (302, 403)


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
