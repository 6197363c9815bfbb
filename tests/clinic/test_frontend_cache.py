"""
The proxy or CDN in front (deploy/varnish.vcl; tests/site/test_varnish.py runs the real one):
one purge per change, after it commits, and a proxy that hangs delays a publish by seconds at
most, never stops it.
"""

import pytest

from django.test import override_settings

from procedures.models import ProcedurePage
from tests.network import free_port


pytestmark = pytest.mark.django_db


def proxy_at(port):
    return {
        "proxy": {
            "BACKEND": "clinic.caching.frontend_cache.TimedHTTPBackend",
            "LOCATION": f"http://127.0.0.1:{port}",
        }
    }


def test_a_proxy_that_hangs_delays_a_publish_by_two_seconds_at_most(
    silent_server, django_capture_on_commit_callbacks, caplog
):
    page = ProcedurePage.objects.get(slug="sacroiliac-joint-injection")
    page.summary = "Published while the proxy in front hangs."
    with (
        override_settings(WAGTAILFRONTENDCACHE=proxy_at(silent_server.port)),
        django_capture_on_commit_callbacks(execute=True) as callbacks,
    ):
        page.save_revision().publish()
    page.refresh_from_db()
    assert page.summary == "Published while the proxy in front hangs."
    # One purge of the whole site for the change, besides Wagtail's own for the page.
    assert len([c for c in callbacks if c.__name__ == "_purge_every_site"]) == 1
    # The proxy never answers: each purge ends on its own time limit, and the publish goes on.
    gave_up = [r.getMessage() for r in caplog.records if "Couldn't purge" in r.getMessage()]
    assert silent_server.connections() == len(gave_up) == 2
    assert all(message.endswith("timed out") for message in gave_up), gave_up
    assert "Couldn't purge 'http://localhost/" in caplog.text


def test_a_proxy_that_is_down_is_logged_and_the_publish_goes_on(
    django_capture_on_commit_callbacks, caplog
):
    page = ProcedurePage.objects.get(slug="sacroiliac-joint-injection")
    with (
        override_settings(WAGTAILFRONTENDCACHE=proxy_at(free_port())),
        django_capture_on_commit_callbacks(execute=True),
    ):
        page.save_revision().publish()
    assert "Couldn't purge 'http://localhost/procedures/sacroiliac-joint-injection/'" in caplog.text
