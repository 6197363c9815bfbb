"""
Redis is an optimisation: with Redis refusing connections, or accepting them and never
answering, patients still get every page and appointment requests are still saved; a hanging
Redis costs one request half a second, then is left alone (clinic.caching.cache).
"""

import logging

import pytest

from django.test import override_settings

from appointments.models import AppointmentRequest
from clinic.caching import cache as resilient
from tests.appointments.conftest import PATIENT
from tests.caches import redis_caches
from tests.network import free_port


pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/robots.txt",
    "/procedures/",
    "/procedures/sacroiliac-joint-injection/",
    "/search/?q=sciatica",
]


def redis_cache(port):
    return redis_caches(f"redis://127.0.0.1:{port}/0")


@pytest.fixture(autouse=True)
def _redis_not_yet_known_to_be_down():
    resilient.redis_down.clear()
    yield
    resilient.redis_down.clear()


@pytest.fixture
def dead_port():
    """A port where nothing listens: connections are refused."""
    return free_port()


def test_with_redis_refusing_connections_pages_are_served_and_requests_saved(
    client, dead_port, caplog
):
    with override_settings(CACHES=redis_cache(dead_port)), caplog.at_level(logging.WARNING):
        for url in PAGES:
            assert client.get(url).status_code == 200, url
        for number in range(7):  # more than the rate limit: it fails open, nobody is refused
            response = client.post(
                "/appointments/request/", {**PATIENT, "name": f"Patient {number}"}
            )
            assert response.status_code == 302
    assert AppointmentRequest.objects.count() == 7
    assert "Redis is unavailable (ConnectionError)" in caplog.text


def test_a_redis_that_never_answers_is_waited_for_once(client, silent_server, caplog):
    with (
        override_settings(CACHES=redis_cache(silent_server.port)),
        caplog.at_level(logging.WARNING),
    ):
        assert client.get(PAGES[0]).status_code == 200
        # The first request waited for Redis (its 0.5 s timeout) and then left it alone...
        tried = silent_server.connections()
        assert tried >= 1
        for url in PAGES:
            assert client.get(url).status_code == 200, url
        assert client.post("/appointments/request/", PATIENT).status_code == 302
        # ...so no later request waits for it: no new connection, one warning in all.
        assert silent_server.connections() == tried
    assert AppointmentRequest.objects.count() == 1
    assert "Redis is unavailable (TimeoutError)" in caplog.text
    warnings = [record for record in caplog.records if "Redis is unavailable" in record.message]
    assert len(warnings) == 1
