"""
A PostgreSQL that accepts queries and never answers (a proxy or network path that stops
forwarding), with a real server in front: a page the server had cached is still served; once
the first request has waited out the query deadline (clinic.operations.query_deadline), any other
page gets the 503 page at once (clinic.operations.database_down); and within 2 s of the
database answering again the site does too, without a restart.

PostgreSQL only, and slow (a database of its own with the demo clinic): marked `fault`, which
`make test` leaves out and `.ci/run` runs once, on PostgreSQL.
"""

import time
import urllib.error
import urllib.request

import pytest

from django.db import connection

from tests.fault_proxy import FaultProxy
from tests.network import free_port
from tests.servers import demo_database, server_environment, wsgi_server


pytestmark = [
    pytest.mark.fault,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only"),
]

DATABASE = "clinic_hang_test"
STATEMENT_TIMEOUT = 1
DEADLINE = STATEMENT_TIMEOUT + 2  # DATABASE_DEADLINE_MARGIN
CONNECT_TIMEOUT = 2
CACHED = "/procedures/"
UNCACHED = ["/conditions/", "/physicians/", "/news/"]


@pytest.fixture(scope="module")
def site_behind_proxy(tmp_path_factory):
    proxy = FaultProxy(5432)
    environment = server_environment(
        DJANGO_SETTINGS_MODULE="clinic.settings.dev",
        DEBUG="false",
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{proxy.port}/{DATABASE}",
        DATABASE_STATEMENT_TIMEOUT=str(STATEMENT_TIMEOUT),
        DATABASE_DEADLINE_MARGIN=str(DEADLINE - STATEMENT_TIMEOUT),
        DATABASE_CONNECT_TIMEOUT=str(CONNECT_TIMEOUT),
        DATABASE_CONN_MAX_AGE="60",  # as in production: connections kept between requests
        REDIS_URL=f"redis://127.0.0.1:{free_port()}/0",  # none: each process's own copies
        CLINIC_PHONE="(555) 010-0199",
    )
    log = tmp_path_factory.mktemp("hang") / "server.log"
    with (
        demo_database(DATABASE, environment),
        wsgi_server(free_port(), environment, log) as address,
    ):
        yield address, proxy, log
    proxy.stop()


def visit(base, path):
    """(status, seconds taken, page)."""
    started = time.monotonic()
    try:
        with urllib.request.urlopen(base + path, timeout=30) as response:  # noqa: S310
            status, page = response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        status, page = error.code, error.read().decode()
    return status, time.monotonic() - started, page


def test_a_database_that_never_answers_costs_503s_within_the_deadline(site_behind_proxy):
    base, proxy, log = site_behind_proxy
    assert visit(base, CACHED)[0] == 200  # built and kept
    # The content version is read again after half a second (PAGE_CACHE_VERSION_SECONDS), on
    # the connection the server keeps open for it: that read is the first to meet the hang.
    time.sleep(0.6)
    assert visit(base, CACHED)[0] == 200
    time.sleep(0.6)

    proxy.hang()
    status, seconds, page = visit(base, CACHED)
    assert status == 200 and "Sacroiliac joint injection" in page
    # One wait, not a worker lost: the kept connection's health check is cut at the deadline,
    # then Django tries a new connection once, which times out.
    assert seconds < DEADLINE + CONNECT_TIMEOUT + 1
    # Then the process knows the database is unreachable: cached pages come at once.
    for _ in range(5):
        status, seconds, _ = visit(base, CACHED)
        assert status == 200 and seconds < 1
    # Pages it must build get the 503 page at once, not after a connect timeout each.
    for path in UNCACHED:
        status, seconds, page = visit(base, path)
        assert status == 503 and seconds < 1
        assert "(555) 010-0199" in page  # the outage page, with the phone number
    assert "passed its deadline" in log.read_text()

    proxy.restore()
    returned = time.monotonic()
    # The process's own probe finds PostgreSQL back within a second or so: no restart needed.
    while visit(base, UNCACHED[0])[0] != 200:
        assert time.monotonic() - returned < 2
    for path in UNCACHED:
        assert visit(base, path)[0] == 200
    assert visit(base, CACHED)[0] == 200
