"""
With the database unreachable, the site says so: a 503 with Retry-After and the clinic's phone
number from the environment (the database cannot be asked for it), for pages and for an
appointment request alike. A real server process, with its database on a port where nothing
listens.
"""

import json
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from tests.network import free_port
from tests.processes import run_manage
from tests.servers import server_environment, wsgi_server


PHONE = "(555) 010-0199"


@pytest.fixture(scope="module")
def logs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("outage")
    return folder / "server.log", folder / "requests.log"


@pytest.fixture(scope="module")
def site_without_database(logs):
    log, out = logs
    environment = server_environment(
        DJANGO_SETTINGS_MODULE="clinic.settings.production",
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{free_port()}/clinic",
        REDIS_URL=f"redis://127.0.0.1:{free_port()}/0",
        SECRET_KEY="outage-test-" + "x" * 50,
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        CLINIC_PHONE=PHONE,
        LOG_FORMAT="json",
    )
    with wsgi_server(free_port(), environment, log, out) as address:
        yield address


def fetch(url, data=None, headers=None):
    request = urllib.request.Request(url, data=data, headers=headers or {})  # noqa: S310 (http only)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


@pytest.mark.parametrize(
    "path", ["/", "/procedures/sacroiliac-joint-injection/", "/search/?q=back"]
)
def test_pages_answer_503_with_the_phone_number_while_the_database_is_down(
    site_without_database, path
):
    status, headers, body = fetch(site_without_database + path)
    assert status == 503
    assert headers["Retry-After"] == "60"
    assert "The website is not available just now" in body
    assert PHONE in body and 'href="tel:+15550100199"' in body
    assert "911" in body


def test_an_appointment_request_answers_the_same_page_and_claims_nothing(site_without_database):
    token = "a" * 32  # the same secret in the cookie and the form, as Django accepts
    form = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "name": "Pat Example", "phone": "(312) 555-0190"}
    ).encode()
    status, _, body = fetch(
        site_without_database + "/appointments/request/",
        data=form,
        headers={"Cookie": f"csrftoken={token}", "Referer": site_without_database + "/"},
    )
    assert status == 503
    assert PHONE in body
    assert "Request sent" not in body


def test_the_health_check_tells_the_load_balancer_to_stop_sending_patients(site_without_database):
    status, headers, body = fetch(site_without_database + "/healthz/")
    assert status == 503
    assert headers["Content-Type"] == "application/json"
    assert "no-store" in headers["Cache-Control"]
    assert json.loads(body) == {
        "status": "failing",
        "checks": {
            "database": "unavailable",
            "cache": "unavailable",
            "storage": "ok",
            "worker queue": "unavailable",
        },
    }


def json_lines(path):
    lines = (line for line in path.read_text().splitlines() if line.startswith("{"))
    return [json.loads(line) for line in lines]


def logged_line(path, request_id):
    """The request's line, written once the server has sent the response (soon after)."""
    deadline = time.monotonic() + 5
    while True:
        found = [entry for entry in json_lines(path) if entry.get("request_id") == request_id]
        if found:
            return found[0]
        assert time.monotonic() < deadline, f"no log line for {request_id}"
        time.sleep(0.05)


def test_operators_see_each_request_and_its_errors_under_one_request_id(
    site_without_database, logs
):
    """LOG_FORMAT=json: a line per request on stdout, the errors on stderr with its id."""
    errors, requests = logs
    status, headers, _ = fetch(
        site_without_database + "/appointments/request/?about=Facet+joint+injection"
    )
    assert status == 503
    request_id = headers["X-Request-ID"]
    assert len(request_id) == 32

    line = logged_line(requests, request_id)
    assert line["method"] == "GET" and line["status"] == 503
    assert line["path"] == "/appointments/request/"  # the query string could name a condition
    assert line["duration_ms"] > 0
    assert line["level"] == "info" and line["logger"] == "clinic.requests"

    logged = [entry for entry in json_lines(errors) if entry.get("request_id") == request_id]
    assert any("The database is unreachable" in entry["message"] for entry in logged)
    assert any("Traceback" in entry.get("exception", "") for entry in logged)

    # A proxy's id is kept, so its log and ours line up; another address keeps its query string.
    _, headers, _ = fetch(
        site_without_database + "/physicians/?accepting=on",
        headers={"X-Request-ID": "varnish-12345678"},
    )
    assert headers["X-Request-ID"] == "varnish-12345678"
    line = logged_line(requests, "varnish-12345678")
    assert line["path"] == "/physicians/?accepting=on"


def test_a_postgresql_that_never_answers_is_given_up_on_within_seconds(silent_server):
    """A hung database (it accepts the connection and says nothing) fails the request fast."""
    tried = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.db import connection; connection.ensure_connection()",
        settings="clinic.settings.dev",
        timeout=30,  # without a connect timeout this would wait for ever
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{silent_server.port}/clinic",
        DATABASE_CONNECT_TIMEOUT="2",
    )
    assert tried.returncode != 0
    assert "timeout expired" in tried.stderr
