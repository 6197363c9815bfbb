"""
Browser tests: Playwright drives Debian's Chromium against Django's live server, with the whole
demo clinic loaded. Without Chromium they are skipped (one line in the summary says how to get
it); with REQUIRE_BROWSER=1, as in CI, a missing browser fails the run instead.
"""

import os
from pathlib import Path

import pytest

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches

from clinic.caching.page_cache import forget_local_copies
from home.models import HomePage
from news.factories import NewsPostPageFactory
from news.models import NewsIndexPage
from tests import demo_snapshot
from tests.chromium import CHROMIUM, CHROMIUM_FLAGS
from tests.fictional_content import create_fictional_physician, record_fictional_review


# Sync Playwright runs an event loop in the test thread; Django's ORM must still be usable there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

HOW_TO_ENABLE = (
    f"Browser tests skipped: no Chromium at {CHROMIUM}. Install it (Debian/Ubuntu: "
    "sudo apt install chromium) or set CHROMIUM=/path/to/chromium to run them."
)
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}


def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists():
        return
    here = Path(__file__).parent
    browser_items = [item for item in items if here in Path(item.fspath).parents]
    if not browser_items:
        return
    if os.environ.get("REQUIRE_BROWSER") == "1":
        raise pytest.UsageError(f"REQUIRE_BROWSER=1 but {HOW_TO_ENABLE}")
    for item in browser_items:
        item.add_marker(pytest.mark.skip(reason=HOW_TO_ENABLE))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_FLAGS}


def restore_demo_clinic():
    """
    Put the demo clinic back from the copy taken once per run (tests/demo_snapshot.py), where
    Django emptied the database after a live-server test (its post_migrate handlers refill some
    tables). These tests run after every other database test of their process (pytest-django
    orders them last, and pytest-xdist hands each process its tests in that order), so only
    they need it.
    """
    if not HomePage.objects.exists():
        demo_snapshot.restore()
        ContentType.objects.clear_cache()
    # The content version came back with the rows: drop what was kept under it since.
    for alias in settings.CACHES:
        caches[alias].clear()
    forget_local_copies()


@pytest.fixture
def site_url(live_server):
    """The live server's address, serving the whole demo clinic."""
    restore_demo_clinic()
    return live_server.url


@pytest.fixture
def fictional_physician(site_url):
    physician = create_fictional_physician()
    record_fictional_review(physician)
    return physician


@pytest.fixture
def post_by_fictional_physician(fictional_physician):
    post = NewsPostPageFactory(
        parent=NewsIndexPage.objects.get(locale__language_code="en"),
        title="What to expect at your first visit",
        summary="A fictional post, written for the tests.",
        author=fictional_physician,
    )
    post.save_revision().publish()
    return post
