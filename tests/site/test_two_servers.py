"""
Two app servers, one site: both share one PostgreSQL database, one Redis (a private one the
test starts on a spare port) and one media bucket (moto's S3 server). A page cached by both is
fresh on both within a second of a publish made by a third process; a staff sign-in on one is
valid on the other; the appointment rate limit counts requests sent to either; both show the
same pictures from the bucket.

PostgreSQL only, and slow (a database of its own with the demo clinic): marked `servers`, which
`make test` leaves out and `.ci/run` runs once, on PostgreSQL.
"""

import re
import shutil
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

import pytest

from django.db import connection

from tests.network import free_port
from tests.servers import (
    ADMIN_PASSWORD,
    create_admin,
    demo_database,
    manage_shell,
    private_redis,
    s3_bucket,
    server_environment,
    wsgi_server,
)


pytestmark = [
    pytest.mark.servers,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only"),
    pytest.mark.skipif(not shutil.which("redis-server"), reason="needs redis-server"),
]

DATABASE = "clinic_two_servers_test"
PAGE = "/procedures/sacroiliac-joint-injection/"


@pytest.fixture(scope="module")
def environment(tmp_path_factory):
    redis_port = free_port()
    log = tmp_path_factory.mktemp("bucket") / "moto.log"
    with (
        private_redis(redis_port) as redis_url,
        s3_bucket(free_port(), "clinic-media", log) as (_, _, bucket),
    ):
        environment = server_environment(
            DJANGO_SETTINGS_MODULE="clinic.settings.dev",
            DEBUG="false",
            DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
            REDIS_URL=redis_url,
            PAGE_CACHE="on",
            SERVE_MEDIA_FILES="false",
            **bucket,
        )
        with demo_database(DATABASE, environment):
            create_admin(environment)
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
    manage_shell(environment, code)


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


def browser():
    """A browser's cookies: host-only cookies for 127.0.0.1 go to both servers, as they would
    to one site behind a load balancer."""
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))


def post(opener, address, fields):
    with opener.open(address, timeout=15) as response:
        form = response.read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    request = urllib.request.Request(  # noqa: S310
        address,
        data=urllib.parse.urlencode({"csrfmiddlewaretoken": token, **fields}).encode(),
        headers={"Referer": address},
    )
    try:
        with opener.open(request, timeout=15) as response:
            return response.status, response.url, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, address, error.read().decode()


def test_a_staff_sign_in_on_one_server_is_valid_on_the_other(two_servers):
    a, b = two_servers
    staff = browser()
    status, landed, _ = post(
        staff, a + "/admin/login/", {"username": "admin", "password": ADMIN_PASSWORD}
    )
    assert (status, landed) == (200, a + "/admin/")
    with staff.open(b + "/admin/", timeout=15) as response:
        assert response.url == b + "/admin/"  # not sent to the sign-in page
        assert "Dashboard" in response.read().decode()


def test_the_appointment_rate_limit_counts_requests_sent_to_either_server(two_servers):
    a, b = two_servers
    patient = {
        "name": "Pat Example",
        "phone": "(312) 555-0190",
        "patient_type": "new",
        "consent": "on",
    }
    limit = 5  # APPOINTMENT_RATE_LIMIT: per address, per hour
    answers = [
        post(browser(), (a, b)[number % 2] + "/appointments/request/", patient)[0]
        for number in range(limit + 1)
    ]
    assert answers == [200] * limit + [429]  # three on each server, the sixth refused


def test_both_servers_show_the_same_pictures_from_the_bucket(two_servers, environment):
    a, b = two_servers
    endpoint = environment["MEDIA_S3_ENDPOINT_URL"]
    pictures = []
    for address in (a, b):
        body = get(address + "/about/interventional-pain-management/")[1]
        pictures.append(re.findall(r'<img[^>]+src="([^"]+)"', body))
    assert pictures[0] == pictures[1] and pictures[0]
    for url in pictures[0]:
        assert url.startswith(f"{endpoint}/clinic-media/images/")
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (http only)
            assert response.headers["Content-Type"].startswith("image/")
