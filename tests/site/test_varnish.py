"""
Varnish in front of the app (deploy/varnish.vcl, Debian's varnish): anonymous pages come from
Varnish, the admin and forms pass through, and a page published in the admin, signed in
through Varnish, is fresh there within a second (the app sends PURGE; the VCL drops the host's
pages).

Starts varnishd, an app server, a Redis and a database of its own: marked `servers`, which
`.ci/run` runs once on PostgreSQL, with varnish installed and REQUIRE_SERVERS=1 (a missing
varnishd then fails the run instead of skipping).
"""

import os
import re
import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

import psycopg
import pytest
from playwright.sync_api import sync_playwright

from django.db import connection

from tests.chromium import CHROMIUM, CHROMIUM_FLAGS
from tests.network import free_port
from tests.processes import ROOT
from tests.servers import (
    ADMIN_PASSWORD,
    create_admin,
    demo_database,
    private_redis,
    server_environment,
    wait_for_port,
    wsgi_server,
)


VARNISHD = shutil.which("varnishd") or (
    "/usr/sbin/varnishd" if os.path.exists("/usr/sbin/varnishd") else None
)
if not VARNISHD and os.environ.get("REQUIRE_SERVERS"):
    raise RuntimeError("varnishd is required here (REQUIRE_SERVERS=1): apt-get install varnish")

pytestmark = [
    pytest.mark.servers,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only"),
    pytest.mark.skipif(
        not VARNISHD, reason="Varnish tests skipped: varnishd not found (apt-get install varnish)"
    ),
]

DATABASE = "clinic_varnish_test"
PAGE = "/about/interventional-pain-management/"


@pytest.fixture(scope="module")
def stack():
    """Varnish on one port in front of the app on another; the site's address is Varnish's."""
    # varnishd reads its files as the "varnish" user: a folder others may read (pytest's are
    # private to root).
    folder = Path(tempfile.mkdtemp(prefix="clinic-varnish-"))
    folder.chmod(0o755)
    app_port, varnish_port = free_port(), free_port()
    public = f"http://127.0.0.1:{varnish_port}"
    with private_redis(free_port()) as redis_url:
        environment = server_environment(
            DJANGO_SETTINGS_MODULE="clinic.settings.dev",
            DEBUG="false",
            DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
            REDIS_URL=redis_url,
            SITE_URL=public,
            FRONTEND_CACHE_PURGE_URL=public,
            TRUSTED_PROXY_COUNT="1",
        )
        with demo_database(DATABASE, environment):
            create_admin(environment)
            with wsgi_server(app_port, environment, folder / "app.log"):
                vcl = folder / "varnish.vcl"
                vcl.write_text(
                    (ROOT / "deploy" / "varnish.vcl")
                    .read_text()
                    .replace('.port = "8000";', f'.port = "{app_port}";')
                )
                varnish = subprocess.Popen(  # noqa: S603
                    [
                        VARNISHD,
                        "-F",
                        "-n",
                        str(folder / "work"),
                        "-a",
                        f"127.0.0.1:{varnish_port}",
                        "-f",
                        str(vcl),
                        "-s",
                        "malloc,64m",
                    ],
                    stdout=(folder / "varnish.log").open("w"),
                    stderr=subprocess.STDOUT,
                )
                try:
                    try:
                        wait_for_port(varnish_port)
                    except AssertionError:
                        raise AssertionError((folder / "varnish.log").read_text()) from None
                    yield public
                finally:
                    varnish.terminate()
                    varnish.wait(timeout=20)
                    shutil.rmtree(folder, ignore_errors=True)


def get(address, opener=None):
    opener = opener or urllib.request.build_opener()
    with opener.open(address, timeout=15) as response:
        return response.headers.get("X-Cache"), response.read().decode()


def sign_in(public):
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    with opener.open(public + "/admin/login/", timeout=15) as response:
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', response.read())
    data = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": token.group(1).decode(),
            "username": "admin",
            "password": ADMIN_PASSWORD,
        }
    ).encode()
    request = urllib.request.Request(  # noqa: S310
        public + "/admin/login/", data=data, headers={"Referer": public + "/admin/login/"}
    )
    with opener.open(request, timeout=15) as response:
        assert response.url.rstrip("/").endswith("/admin"), response.url
    return opener


def page_id(path):
    with psycopg.connect(f"postgresql://postgres@127.0.0.1:5432/{DATABASE}") as db:
        (found,) = db.execute(
            "SELECT id FROM wagtailcore_page WHERE url_path = %s", [f"/home{path}"]
        ).fetchone()
    return found


def test_anonymous_pages_come_from_varnish_and_the_admin_and_forms_pass(stack):
    assert get(stack + PAGE)[0] in {"miss", "hit"}
    assert get(stack + PAGE)[0] == "hit"
    # The form a patient sends, and its page, are built for each visitor.
    assert get(stack + "/appointments/request/")[0] == "miss"
    assert get(stack + "/appointments/request/")[0] == "miss"
    admin = sign_in(stack)
    assert get(stack + "/admin/", admin)[0] == "miss"
    assert get(stack + "/admin/", admin)[0] == "miss"
    # A signed-in editor sees the page built for them (the user bar), not the shared copy.
    status, body = get(stack + PAGE, admin)
    assert status == "miss" and "wagtail-userbar" in body


def test_a_page_published_in_the_admin_is_fresh_through_varnish_within_a_second(stack):
    get(stack + PAGE)
    get(stack + "/procedures/")
    assert get(stack + PAGE)[0] == "hit"
    assert get(stack + "/procedures/")[0] == "hit"

    # An editor publishes the change in the admin, in a real browser, through Varnish.
    title = "Interventional pain management, explained"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        try:
            tab = browser.new_page()
            tab.goto(stack + "/admin/login/")
            tab.fill("#id_username", "admin")
            tab.fill("#id_password", ADMIN_PASSWORD)
            tab.get_by_role("button", name="Sign in").click()
            tab.wait_for_url(stack + "/admin/")
            tab.goto(f"{stack}/admin/pages/{page_id(PAGE)}/edit/")
            tab.fill("#id_title", title)
            publish = tab.locator('button[name="action-publish"]')
            if not publish.is_visible():
                tab.locator("footer [data-w-dropdown-target='toggle']").first.click()
            publish.click()
            tab.wait_for_url(re.compile(r".*/admin/pages/\d+/$"))
            assert "has been published" in tab.content()
        finally:
            browser.close()
    published = time.monotonic()

    while True:
        _, body = get(stack + PAGE)
        if f"<h1>{title}</h1>" in body:
            break
        assert time.monotonic() - published < 1.0, "Varnish still serves the old page"
        time.sleep(0.05)
    # Other pages went too (menus and lists can show any page), and are kept again.
    assert get(stack + "/procedures/")[0] == "miss"
    assert get(stack + "/procedures/")[0] == "hit"
