"""The appointment request form: what it asks, how it explains bad input, and how it turns bots away."""

import pytest
from bs4 import BeautifulSoup

from django.core import mail
from django.test import override_settings

from appointments.models import AppointmentRequest
from clinic.models import ClinicSettings
from locations.models import LocationPage
from physicians.models import PhysicianPage
from procedures.models import ProcedurePage
from tests.appointments.conftest import URL, send


pytestmark = pytest.mark.django_db


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


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

    physician = PhysicianPage.objects.get(slug="howard-jackson", locale__language_code="en")
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


@override_settings(APPOINTMENT_RATE_LIMIT=(2, 3600))
def test_mistakes_in_the_form_never_count_against_the_limit(client):
    for _ in range(5):  # five typos in a row
        assert send(client, {"phone": "call me"}).status_code == 400
    assert send(client).status_code == 302  # the corrected request goes through
    assert AppointmentRequest.objects.count() == 1


@override_settings(APPOINTMENT_RATE_LIMIT=(1, 3600), TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_each_patient_is_counted_by_their_own_address(client):
    proxy = {"REMOTE_ADDR": "10.0.0.2"}  # the load balancer, the same for everybody
    first = send(client, HTTP_X_FORWARDED_FOR="198.51.100.1", **proxy)
    assert first.status_code == 302
    assert send(client, HTTP_X_FORWARDED_FOR="198.51.100.1", **proxy).status_code == 429
    # Another patient behind the same proxy is not held back...
    assert send(client, HTTP_X_FORWARDED_FOR="198.51.100.2", **proxy).status_code == 302
    # ...and an address the client writes in front of the proxy's entry changes nothing.
    spoofed = send(client, HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.1", **proxy)
    assert spoofed.status_code == 429
