import json
import os
import select
import shutil
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.core.management import call_command
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail.test.utils.wagtail_factories import ImageFactory

from clinic.caching.page_cache import forget_local_copies
from clinic.models import BodyRegion
from home.roles import EDITORS, MEDICAL_REVIEWERS, SITE_ADMINS
from medical_review.models import record_review
from physicians.factories import PhysicianPageFactory
from physicians.models import PhysicianAccount, PhysicianIndexPage
from procedures.models import ProcedurePage
from tests import demo_snapshot


# Debian's Chromium for Playwright (its own browser download does not work everywhere).
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test starts from the whole demo clinic, built once per run by the real loader."""
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)  # images from earlier runs
    with django_db_blocker.unblock():
        call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
        # The tests that empty the database (tests/browser/conftest.py) put this copy back.
        demo_snapshot.take()


@pytest.fixture(autouse=True)
def _clear_cache():
    """
    Pages, the menu and the clinic details are cached under the content version: start each
    test without another test's copies, and read the version again (the database's was rolled
    back to what it was before the last test).
    """
    for alias in settings.CACHES:
        caches[alias].clear()
    forget_local_copies()
    yield
    for alias in settings.CACHES:
        caches[alias].clear()
    forget_local_copies()


@pytest.fixture
def site(db):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home(site):
    return site.root_page.specific


def pytest_terminal_summary(terminalreporter):
    """Say, once each, which checks were skipped for want of a tool and how to get it."""
    reasons = []
    for report in terminalreporter.stats.get("skipped", []):
        reason = report.longrepr[-1] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        reason = reason.removeprefix("Skipped: ")
        if " skipped: " in reason and reason not in reasons:
            reasons.append(reason)
    for reason in reasons:
        terminalreporter.write_line(reason, yellow=True, bold=True)


def make_user(username, group):
    """A user in one of the site's roles (a Wagtail group), with a known password."""
    user = get_user_model().objects.create_user(
        username=username, password="a-long-password", email=f"{username}@clinic.invalid"
    )
    user.groups.add(Group.objects.get(name=group))
    return user


def sign_in(client, user):
    """
    Sign `client` in as `user` the way staff end up after signing in: password and the code
    from their authenticator app (a confirmed device, verified in this session). The steps
    themselves are tested in tests/second_factor/.
    """
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def admin_menu_links(dashboard):
    """
    (label, address) of each link in the admin's menus, from a page of the admin parsed with
    BeautifulSoup: Wagtail draws its sidebar from the JSON in #wagtail-sidebar-props.
    """

    def links(node):
        if isinstance(node, dict):
            if isinstance(node.get("url"), str):
                yield node["label"], node["url"]
            for value in node.values():
                yield from links(value)
        elif isinstance(node, list):
            for value in node:
                yield from links(value)

    return list(links(json.loads(dashboard.find(id="wagtail-sidebar-props").string)))


def app_code(user, steps_ahead=0):
    """The 6 digits the member of staff's authenticator app shows (or will show next)."""
    device = TOTPDevice.objects.filter(user=user).latest("pk")
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():06d}"


def create_fictional_physician():
    """
    A made-up physician, for tests only (the demo's physicians are real people): performs the
    sacroiliac joint injection, has a photo and takes new patients.
    """
    physician = PhysicianPageFactory(
        parent=PhysicianIndexPage.objects.get(locale__language_code="en"),
        title="Alex Example",
        family_name="Example",
        procedures_performed=[ProcedurePage.objects.get(slug="sacroiliac-joint-injection")],
    )
    physician.photo = ImageFactory(
        title="Portrait",
        description="Portrait of Dr. Alex Example",
        file__width=800,
        file__height=800,
    )
    physician.accepting_new_patients = True
    physician.save_revision().publish()
    return physician


def record_fictional_review(physician):
    """The SI joint injection page, reviewed by `physician`, so its review line is on show."""
    page = ProcedurePage.objects.get(slug="sacroiliac-joint-injection")
    record_review(page, physician)
    return page


def private_document(restriction_type="login", password=""):
    """The demo's sample form, moved into a collection of its own with a view restriction.
    Returns the document and the restriction."""
    document = get_document_model().objects.get(title="Sample new patient questionnaire")
    collection = Collection.get_first_root_node().add_child(name="Private")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=restriction_type, password=password
    )
    document.collection = collection
    document.save()
    return document, restriction


@pytest.fixture
def admin_client(client, admin_user):
    """pytest-django's superuser client, past the second step as superusers must be."""
    return sign_in(client, admin_user)


@pytest.fixture
def editor():
    return make_user("ed", EDITORS)


@pytest.fixture
def reviewer():
    """A medical reviewer whose account belongs to a (fictional) physician's profile."""
    user = make_user("rev", MEDICAL_REVIEWERS)
    physician = PhysicianPageFactory(
        parent=PhysicianIndexPage.objects.get(locale__language_code="en"),
        title="Robin Reviewer",
        family_name="Reviewer",
    )
    physician.save_revision().publish()
    PhysicianAccount.objects.create(physician=physician, account=user)
    return user


@pytest.fixture
def site_admin():
    return make_user("sa", SITE_ADMINS)


# What an editor writes in a procedure's Safety tab (procedures.safety).
PROCEDURE_SAFETY = {
    "before_procedure": "Tell us if you take a blood thinner.\nBring an adult to drive you home.",
    "common_risks": "Soreness where the needle went in, for a day or two.",
    "serious_risks": "An infection, which may need antibiotics.\nBleeding near the knee.",
    "call_911_if": "You have trouble breathing, or your face or throat swells.",
    "call_us_if": "You have a fever of 100.4°F (38°C) or higher.",
}


def procedure_form(title="Genicular nerve block", **fields):
    """A new procedure as an editor fills it in; `fields` change or blank what they name."""
    data = nested_form_data(
        {
            "title": title,
            "slug": "genicular-nerve-block",
            "summary": "A numbing medicine is placed near the nerves of the knee.",
            "body": streamfield([("paragraph", rich_text("<p>The nerves are numbed.</p>"))]),
            "purpose": "diagnosis",
            "setting": "outpatient",
            "general_procedure": "",
            "next_steps": inline_formset([]),
            **PROCEDURE_SAFETY,
            **fields,
        }
    )
    data["body_regions"] = [BodyRegion.objects.get(slug="arms-and-legs").pk]
    return data


def add_url(parent, model):
    return reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )


ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args, settings, timeout=120, **env):
    """
    manage.py in a process of its own, as an operator types it, with `settings` and `env` and
    without the test run's Django variables (DJANGO_ALLOW_ASYNC_UNSAFE is set for the browser
    tests; a real server never has it). Returns the CompletedProcess.
    """
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment.update(env, DJANGO_SETTINGS_MODULE=settings)
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        check=False,
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def redis_caches(url, seconds=0.5):
    """The production caches (clinic.settings.caching) on the Redis at `url`."""
    return {
        "default": {
            "BACKEND": "clinic.caching.cache.ResilientRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "clinic",
            "OPTIONS": {"socket_connect_timeout": seconds, "socket_timeout": seconds},
        },
        "content": {
            "BACKEND": "clinic.caching.cache.TieredCache",
            "LOCATION": f"content-{url}",
            "OPTIONS": {"SHARED": "default"},
        },
    }


def free_port():
    """A TCP port on this machine where nothing listens (yet)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SilentServer:
    """
    A server that accepts connections and never reads or says a word. connections() counts
    every connection a client has made so far, those still waiting to be accepted included, so
    a test reads the count at once instead of waiting for the accepting thread to catch up.
    """

    def __init__(self, listener):
        self.listener = listener
        self.port = listener.getsockname()[1]
        self.held = []  # the connections it accepted, in order
        self.lock = threading.Lock()

    def accept_waiting(self):
        with self.lock:
            while select.select([self.listener], [], [], 0)[0]:
                self.held.append(self.listener.accept()[0])

    def connections(self):
        self.accept_waiting()
        return len(self.held)


@pytest.fixture
def silent_server():
    """A hung Redis, a hung mail server, a hung proxy (a SilentServer)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    server, stop = SilentServer(listener), threading.Event()

    def accept():  # keeps the queue short for clients that connect many times
        while not stop.wait(0.1):
            server.accept_waiting()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server
    stop.set()
    thread.join()
    for connection in server.held:
        connection.close()
    listener.close()


@pytest.fixture
def purge_listener():
    """
    A stand-in for Varnish or nginx in front: (its address, the (path, Host) of each PURGE it
    got, in order).
    """
    received = []

    class Handler(BaseHTTPRequestHandler):
        def do_PURGE(self):
            received.append((self.path, self.headers["Host"]))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", received
    server.shutdown()
    server.server_close()
