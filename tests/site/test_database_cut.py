"""
The database cut in the middle of a run and restored, with a real server in between: a small
TCP proxy stands between the site and PostgreSQL, and the test closes and reopens it. Errors
only while it is cut (503 pages, never a 500; a page the server had cached may still be served
from its copy), recovery without a restart, and every appointment
request that got its confirmation is in the table afterwards.

PostgreSQL only, and slow (a database of its own with the demo clinic): marked `fault`, which
`make test` leaves out and `.ci/run` runs once, on PostgreSQL.
"""

import time

import psycopg
import pytest

from django.db import connection

from tests.fault_proxy import FaultProxy
from tests.network import free_port
from tests.servers import (
    Browser,
    demo_database,
    form_token,
    request_appointment,
    server_environment,
    wsgi_server,
)


pytestmark = [
    pytest.mark.fault,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only"),
]

DATABASE = "clinic_fault_test"


@pytest.fixture(scope="module")
def site_behind_proxy(tmp_path_factory):
    proxy = FaultProxy(5432)
    environment = server_environment(
        DJANGO_SETTINGS_MODULE="clinic.settings.dev",
        DEBUG="false",
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{proxy.port}/{DATABASE}",
        # No Redis: the rate limit then lets every request of this run through.
        REDIS_URL=f"redis://127.0.0.1:{free_port()}/0",
        CLINIC_PHONE="(555) 010-0199",
    )
    log = tmp_path_factory.mktemp("cut") / "server.log"
    with (
        demo_database(DATABASE, environment),
        wsgi_server(free_port(), environment, log) as address,
    ):
        yield address, proxy
    proxy.stop()


def test_a_database_cut_mid_run_costs_503s_only_while_it_lasts(site_behind_proxy):
    base, proxy = site_behind_proxy
    browser = Browser(base)
    confirmed, statuses = [], {"before": [], "during": [], "after": []}
    page_statuses = {"before": [], "during": [], "after": []}

    # The form was opened before the cut: the patient sends it while the database is down.
    token = form_token(browser)

    def round_of_visits(phase, count):
        for number in range(count):
            name = f"Patient {phase} {number}"
            status, ok = request_appointment(browser, name, token)
            statuses[phase].append(status)
            if ok:
                confirmed.append(name)
            page_statuses[phase].append(browser.get("/procedures/")[0])

    round_of_visits("before", 5)
    proxy.refuse()
    statuses["during"].append(browser.get("/appointments/request/")[0])
    round_of_visits("during", 5)
    proxy.restore()
    # Each process tries PostgreSQL again every half second (clinic.operations.database_down).
    returned = time.monotonic()
    while browser.get("/appointments/request/")[0] != 200:
        assert time.monotonic() - returned < 2
    round_of_visits("after", 5)

    assert set(statuses["before"]) == set(page_statuses["before"]) == {200}
    assert set(statuses["during"]) == {503}  # never a 500
    # A page the server had cached before the cut may still be served from its copy.
    assert set(page_statuses["during"]) <= {200, 503}
    assert set(statuses["after"]) == set(page_statuses["after"]) == {200}  # no restart needed
    assert len(confirmed) == 10
    with psycopg.connect(f"postgresql://postgres@127.0.0.1:5432/{DATABASE}") as db:
        stored = {row[0] for row in db.execute("SELECT name FROM appointments_appointmentrequest")}
    assert set(confirmed) <= stored  # every confirmed request is in the table
    assert not any(name.startswith("Patient during") for name in stored)  # nothing half-saved
