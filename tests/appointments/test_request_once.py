"""
The same form sent twice is one request: a double click, or a patient sending again after an
error page they saw, gets the first request's confirmation, and the front desk one notice. The
form's one-time token is new at every visit, also with the page cache on; the same token with
changed details is a new request; two sent at the same moment cannot both be saved.
"""

import threading
import time
import urllib.parse

import pytest
from bs4 import BeautifulSoup

from django.core import mail
from django.db import connection, transaction
from django.http import QueryDict
from django.test import Client
from django.utils import timezone

from appointments.forms import submission_key
from appointments.models import AppointmentRequest
from tests.appointments.conftest import PATIENT, URL
from tests.browser.conftest import restore_demo_clinic
from tests.pages import PAGES


SENT = "/appointments/request/sent/"


def token_of(response):
    field = BeautifulSoup(response.content, "html.parser").find(
        "input", {"name": "submission_token"}
    )
    return field["value"]


def form_as_shown(client, **changes):
    """What the patient's browser sends: the details, with the token of the page it showed."""
    return {**PATIENT, "submission_token": token_of(client.get(URL)), **changes}


@pytest.mark.django_db
def test_every_visit_to_the_form_gets_its_own_token_also_with_the_page_cache_on(client, settings):
    settings.PAGE_CACHE = True
    client.get(PAGES["procedure"])
    assert client.get(PAGES["procedure"])["X-Page-Cache"] == "hit"  # the cache is on

    first, second = client.get(URL), client.get(URL)
    assert "X-Page-Cache" not in second
    assert token_of(first) != token_of(second)
    assert len(token_of(first)) >= 20


@pytest.mark.django_db
def test_the_same_form_sent_twice_is_one_request_and_one_notice(
    client, front_desk, django_capture_on_commit_callbacks
):
    form = form_as_shown(client)
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(URL, form)
        # The patient saw an error (a proxy's timeout, say) and sends again; or clicked twice.
        again = client.post(URL, form)
    assert first.status_code == again.status_code == 302
    assert first["Location"] == again["Location"] == SENT
    assert "Thank you, your request has been sent" in client.get(again["Location"]).text
    assert AppointmentRequest.objects.count() == 1
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_form_corrected_after_an_error_is_sent_once(
    client, front_desk, django_capture_on_commit_callbacks
):
    form = form_as_shown(client, phone="call me", email="")
    problem = client.post(URL, form)
    assert problem.status_code == 400
    assert token_of(problem) == form["submission_token"]  # nothing was saved: the same form
    corrected = {**form, "phone": "(312) 555-0190"}
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(URL, corrected)["Location"] == SENT
        assert client.post(URL, corrected)["Location"] == SENT
    assert AppointmentRequest.objects.get().phone == "(312) 555-0190"
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_the_same_token_with_changed_details_is_a_new_request(
    client, front_desk, django_capture_on_commit_callbacks
):
    form = form_as_shown(client)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, form)
        # Back to the form in the browser, another number typed in, sent again.
        changed = client.post(URL, {**form, "phone": "(312) 555-0191"})
    assert changed["Location"] == SENT
    assert sorted(AppointmentRequest.objects.values_list("phone", flat=True)) == [
        "(312) 555-0190",
        "(312) 555-0191",
    ]
    assert len(mail.outbox) == 2


@pytest.mark.django_db
@pytest.mark.parametrize("token", [None, "", "short", "x" * 65, "not a token!" * 3])
def test_a_form_without_a_usable_token_is_still_sent(client, token):
    form = {**PATIENT} if token is None else {**PATIENT, "submission_token": token}
    response = client.post(URL, form)
    assert response.status_code == 302
    assert AppointmentRequest.objects.count() == 1


def waiting_for_a_lock(seconds=10):
    """Return once a session of this database waits for a lock another holds."""
    deadline = time.monotonic() + seconds
    with connection.cursor() as cursor:
        while True:
            cursor.execute(
                "SELECT count(*) FROM pg_locks JOIN pg_stat_activity USING (pid) "
                "WHERE NOT granted AND datname = current_database()"
            )
            if cursor.fetchone()[0]:
                return
            assert time.monotonic() < deadline, "the second request never waited for the first"
            time.sleep(0.05)


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's row locks")
def test_two_forms_sent_at_the_same_moment_are_saved_once():
    restore_demo_clinic()  # an earlier test of this kind may have emptied the database
    form = {**PATIENT, "submission_token": "a-token-of-the-form-shown-once"}
    key = submission_key(QueryDict(urllib.parse.urlencode(form, doseq=True)))
    first_saving, first_may_commit = threading.Event(), threading.Event()

    def first_request():
        # The first of the two, between its INSERT and its COMMIT.
        try:
            with transaction.atomic():
                AppointmentRequest.objects.create(
                    name="Pat Example",
                    phone="(312) 555-0190",
                    patient_type="new",
                    consent_at=timezone.now(),
                    submission_key=key,
                )
                first_saving.set()
                assert first_may_commit.wait(timeout=30)
        finally:
            connection.close()

    responses = []

    def second_request():
        try:
            responses.append(Client().post(URL, form))
        finally:
            connection.close()

    first = threading.Thread(target=first_request)
    first.start()
    assert first_saving.wait(timeout=30)
    second = threading.Thread(target=second_request)
    second.start()
    waiting_for_a_lock()  # the second's INSERT waits on the unique key
    first_may_commit.set()
    first.join(timeout=30)
    second.join(timeout=30)
    (response,) = responses
    assert response.status_code == 302 and response["Location"] == SENT
    assert AppointmentRequest.objects.count() == 1
