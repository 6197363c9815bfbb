"""
Two app servers, one site: both share one PostgreSQL database and one Redis (a private one the
test starts on a spare port). A page cached by both is fresh on both within a second of a publish
made by a third process.

PostgreSQL only, and slow (a database of its own with the demo clinic): marked `servers`, which
`make test` leaves out and `.ci/run` runs once, on PostgreSQL.
"""

import shutil
import subprocess
import sys
import time
import urllib.request

import pytest

from django.db import connection

from tests.conftest import ROOT, free_port
from tests.servers import demo_database, private_redis, server_environment, wsgi_server


pytestmark = [
    pytest.mark.servers,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only"),
    pytest.mark.skipif(not shutil.which("redis-server"), reason="needs redis-server"),
]

DATABASE = "clinic_two_servers_test"
PAGE = "/procedures/sacroiliac-joint-injection/"


@pytest.fixture(scope="module")
def environment():
    redis_port = free_port()
    with private_redis(redis_port) as redis_url:
        environment = server_environment(
            DJANGO_SETTINGS_MODULE="clinic.settings.dev",
            DEBUG="false",
            DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
            REDIS_URL=redis_url,
            PAGE_CACHE="on",
        )
        with demo_database(DATABASE, environment):
            yield environment


@pytest.fixture(scope="module")
def two_servers(environment, tmp_path_factory):
    logs = tmp_path_factory.mktemp("servers")
    with (
        wsgi_server(free_port(), environment, logs / "a.log") as a,
        wsgi_server(free_port(), environment, logs / "b.log") as b,
    ):
        yield a, b


def get(address):
    # As behind a load balancer: both servers see the site's own host name.
    request = urllib.request.Request(address, headers={"Host": "localhost"})  # noqa: S310
    with urllib.request.urlopen(request, timeout=15) as response:  # noqa: S310
        return response.headers.get("X-Page-Cache"), response.read().decode()


def publish_new_summary(environment, summary):
    """An editor's publish, made by a process of its own (neither server hears of it)."""
    code = (
        "from procedures.models import ProcedurePage; "
        "page = ProcedurePage.objects.get(slug='sacroiliac-joint-injection'); "
        f"page.summary = {summary!r}; page.save_revision().publish()"
    )
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT,
        env=environment,
        check=True,
        capture_output=True,
    )


def test_a_publish_is_seen_on_both_servers_within_a_second(two_servers, environment):
    a, b = two_servers
    get(a + PAGE)
    assert get(a + PAGE)[0] == "hit"
    assert get(b + PAGE)[0] == "hit"  # one shared cache: server b never built it

    summary = "A summary published while two servers cached the page."
    publish_new_summary(environment, summary)
    published = time.monotonic()
    for address in (a, b):
        while summary not in get(address + PAGE)[1]:
            assert time.monotonic() - published < 1.0, f"{address} still serves the old page"
            time.sleep(0.05)
    assert get(b + PAGE)[0] == "hit"  # and cached again
