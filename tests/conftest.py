"""
Fixtures and hooks for every test: the demo clinic loaded once per run, caches emptied around
each test, staff in each role, and stand-ins for the services the site talks to. Plain helpers
live in modules of their own beside this one (tests/accounts.py, tests/processes.py, ...).
"""

import os
import shutil
import socket
import threading

import pytest

from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command

from wagtail.models import Site

from clinic.caching.page_cache import forget_local_copies
from home.roles import EDITORS, MEDICAL_REVIEWERS, SITE_ADMINS
from physicians.factories import PhysicianPageFactory
from physicians.models import PhysicianAccount, PhysicianIndexPage
from tests import demo_snapshot
from tests.accounts import make_user, sign_in
from tests.network import PurgeListener, SilentServer


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
    server = PurgeListener()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", server.received
    server.shutdown()
    server.server_close()
