import os
import shutil

import pytest

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections

from wagtail.models import Site
from wagtail.test.utils.wagtail_factories import ImageFactory

from physicians.factories import PhysicianPageFactory
from physicians.models import PhysicianIndexPage
from procedures.models import ProcedurePage


# The database with the demo clinic in it, by alias, for tests that flush it (see above).
DEMO_SNAPSHOTS = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """
    Every test starts from the whole demo clinic, built once per run by the real loader.
    Tests that flush the database (the browser tests) get it back through serialized_rollback:
    the snapshot Django took after the migrations is retaken with the demo content in it.
    """
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)  # images from earlier runs
    with django_db_blocker.unblock():
        call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
        for connection in connections.all():
            if getattr(connection, "_test_serialized_contents", None):
                snapshot = connection.creation.serialize_db_to_string()
                connection._test_serialized_contents = snapshot
                DEMO_SNAPSHOTS[connection.alias] = snapshot


@pytest.fixture(autouse=True)
def _clear_cache():
    """The menu and clinic details are cached: start each test without another test's copy."""
    cache.clear()
    yield
    cache.clear()


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


def create_fictional_physician():
    """
    A made-up physician, for tests only (the demo's physicians are real people): performs the
    sacroiliac joint injection, has a photo and takes new patients.
    """
    physician = PhysicianPageFactory(
        parent=PhysicianIndexPage.objects.get(),
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
