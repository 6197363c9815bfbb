"""
The database cut in the middle of a run and restored, with a real server in between: a small
TCP proxy stands between the site and PostgreSQL, and the test closes and reopens it. Errors
only while it is cut (503 pages, never a 500; a page the server had cached may still be served
from its copy), recovery without a restart, and every appointment
request that got its confirmation is in the table afterwards.

PostgreSQL only, and slow (a database of its own with the demo clinic): marked `fault`, which
`make test` leaves out and `.ci/run` runs once, on PostgreSQL.
"""

import contextlib
import re
import select
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

import psycopg
import pytest

from django.db import connection

from tests.conftest import free_port
from tests.servers import demo_database, server_environment, wsgi_server


pytestmark = [
    pytest.mark.fault,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only"),
]

UPSTREAM = ("127.0.0.1", 5432)
DATABASE = "clinic_fault_test"


class Proxy:
    """A TCP proxy to PostgreSQL that can be cut (every connection dropped, new ones refused)."""

    def __init__(self):
        self.port = free_port()
        self.open = threading.Event()
        self.open.set()
        self.pairs = []
        self.lock = threading.Lock()
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", self.port))
        self.listener.listen(64)
        self.listener.settimeout(0.1)
        self.stopped = threading.Event()
        self.acceptor = threading.Thread(target=self.accept, daemon=True)
        self.acceptor.start()

    def accept(self):
        while not self.stopped.is_set():
            try:
                client, _ = self.listener.accept()
            except TimeoutError:
                continue
            if not self.open.is_set():
                client.close()  # cut: refused
                continue
            server = socket.create_connection(UPSTREAM)
            with self.lock:
                self.pairs.append((client, server))
            threading.Thread(target=self.pipe, args=(client, server), daemon=True).start()

    def pipe(self, client, server):
        sockets = [client, server]
        try:
            while True:
                readable, _, _ = select.select(sockets, [], [], 0.2)
                for sock in readable:
                    data = sock.recv(65536)
                    if not data:
                        return
                    (server if sock is client else client).sendall(data)
        except OSError:
            return
        finally:
            client.close()
            server.close()

    def cut(self):
        self.open.clear()
        with self.lock:
            for client, server in self.pairs:
                for sock in (client, server):
                    with contextlib.suppress(OSError):
                        sock.shutdown(socket.SHUT_RDWR)
            self.pairs.clear()

    def restore(self):
        self.open.set()

    def stop(self):
        self.stopped.set()
        self.acceptor.join()  # before closing what it accepts on
        self.cut()
        self.listener.close()


@pytest.fixture(scope="module")
def site_behind_proxy(tmp_path_factory):
    proxy = Proxy()
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


class Browser:
    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))

    def get(self, path):
        return self.fetch(urllib.request.Request(self.base + path))  # noqa: S310

    def post(self, path, data):
        request = urllib.request.Request(  # noqa: S310
            self.base + path,
            data=urllib.parse.urlencode(data, doseq=True).encode(),
            headers={"Referer": self.base + path},
        )
        return self.fetch(request)

    def fetch(self, request):
        try:
            with self.opener.open(request, timeout=15) as response:
                return response.status, response.geturl(), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.geturl(), error.read().decode()


def form_token(browser):
    status, _, page = browser.get("/appointments/request/")
    assert status == 200
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


def request_appointment(browser, name, token):
    """(status, confirmed): a patient sends the appointment form as a browser would."""
    status, url, _ = browser.post(
        "/appointments/request/",
        {
            "csrfmiddlewaretoken": token,
            "name": name,
            "phone": "(312) 555-0190",
            "patient_type": "new",
            "preferred_days": ["tue"],
            "preferred_times": ["morning"],
            "consent": "on",
        },
    )
    return status, status == 200 and url.endswith("/appointments/request/sent/")


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
    proxy.cut()
    statuses["during"].append(browser.get("/appointments/request/")[0])
    round_of_visits("during", 5)
    proxy.restore()
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
