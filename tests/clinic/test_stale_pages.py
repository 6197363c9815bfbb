"""
Stale rather than unavailable: while the database does not answer, a page cached earlier is
served (marked stale) instead of the 503 page; just after a change, while one request builds a
page again, the others get the copy from before the change instead of all building it at once.
"""

import time

import pytest

from django.db import OperationalError, connection
from django.test import Client

from clinic.caching import content_version, page_cache
from tests.clinic.test_page_cache import wsgi_get
from tests.pages import PAGES


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]

PROCEDURE = PAGES["procedure"]


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE = True


def database_gone(execute, sql, params, many, context):
    raise OperationalError("connection refused")


def test_while_the_database_is_down_a_page_cached_earlier_is_served_stale(settings, monkeypatch):
    client = Client(raise_request_exception=False)  # as a server answers: the 503 page
    assert client.get(PROCEDURE)["X-Page-Cache"] == "miss"
    # An hour later (the page is past its five minutes) the database stops answering.
    later = time.time() + 3000
    monkeypatch.setattr(time, "time", lambda: later)
    settings.PAGE_CACHE_VERSION_SECONDS = 0  # the version is asked for on every view
    monkeypatch.setattr(content_version, "RETRY_SECONDS", 0)
    with connection.execute_wrapper(database_gone):
        stale = client.get(PROCEDURE)
        never_cached = client.get("/conditions/")
    assert stale.status_code == 200 and stale["X-Page-Cache"] == "stale"
    assert "Sacroiliac joint injection" in stale.content.decode()
    assert never_cached.status_code == 503  # nothing to serve: the outage page
    # The database is back: the page is built again.
    fresh = client.get(PROCEDURE)
    assert fresh.status_code == 200 and fresh["X-Page-Cache"] == "miss"


def test_a_page_past_its_time_is_not_served_while_the_database_answers(client, monkeypatch):
    client.get(PROCEDURE)
    later = time.time() + 3000
    monkeypatch.setattr(time, "time", lambda: later)
    assert client.get(PROCEDURE)["X-Page-Cache"] == "miss"


def test_after_a_change_one_request_builds_the_page_the_others_get_the_copy_before(
    client, django_assert_num_queries
):
    before = client.get(PROCEDURE)
    assert before["X-Page-Cache"] == "miss"
    content_version.bump()  # a change
    address = {"SERVER_NAME": "testserver", "PATH_INFO": PROCEDURE, "QUERY_STRING": ""}
    key = page_cache.page_key(content_version.current_version(), address)
    # Another request (in this process or another) has begun building the page again...
    building = {}
    assert not page_cache.someone_else_rebuilds(key, building)
    # ...so this one gets the copy from before the change, at once, without a query.
    with django_assert_num_queries(0):
        meanwhile = client.get(PROCEDURE)
    assert meanwhile["X-Page-Cache"] == "stale"
    assert meanwhile.content == before.content
    # ...and once it is done, the page is built afresh, not served stale any longer.
    page_cache.release_claim(building)
    assert client.get(PROCEDURE)["X-Page-Cache"] == "miss"


def test_after_a_change_the_first_request_builds_the_page_again(client):
    client.get(PROCEDURE)
    content_version.bump()
    assert client.get(PROCEDURE)["X-Page-Cache"] == "miss"  # nobody else was building it
    assert client.get(PROCEDURE)["X-Page-Cache"] == "hit"


def test_through_the_wsgi_entry_the_first_request_after_a_change_builds_the_page():
    """As gunicorn serves it: the claim made before Django is the same request's own."""
    assert wsgi_get(PROCEDURE)[1]["X-Page-Cache"] == "miss"
    assert wsgi_get(PROCEDURE)[1]["X-Page-Cache"] == "hit"
    content_version.bump()
    assert wsgi_get(PROCEDURE)[1]["X-Page-Cache"] == "miss"
    assert wsgi_get(PROCEDURE)[1]["X-Page-Cache"] == "hit"
