"""
The content version that every cached page is kept under lives in the database: a change made
by another process (cron's publish_scheduled) shows at once, with no Redis at all, and every
model counts as content unless it is listed as something no public page shows.
"""

import datetime

import pytest

from django.apps import apps
from django.conf import settings
from django.db import connection
from django.utils import timezone

from wagtail.models import Revision

from clinic.signal_handlers import purges_pages
from news.factories import NewsPostPageFactory
from news.models import NewsIndexPage
from tests.browser.conftest import restore_demo_clinic
from tests.processes import run_manage


def database_url():
    """The test database, for a manage.py command in a process of its own."""
    database = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{database['NAME']}"
    host, port = database["HOST"] or "127.0.0.1", database["PORT"] or 5432
    return f"postgres://{database['USER']}@{host}:{port}/{database['NAME']}"


@pytest.mark.django_db(transaction=True)  # the other process sees committed data
def test_a_post_cron_publishes_shows_on_the_news_and_the_feed_without_redis(client, settings):
    assert "redis" not in settings.CACHES["default"]["BACKEND"].lower()  # memory, per process
    settings.PAGE_CACHE = True
    settings.PAGE_CACHE_VERSION_SECONDS = 0  # read the version on every view (no waiting)
    restore_demo_clinic()  # an earlier test of this kind may have emptied the database
    index = NewsIndexPage.objects.get(locale__language_code="en")
    post = NewsPostPageFactory(
        parent=index, title="Open on Saturday mornings", live=False, date=timezone.localdate()
    )
    post.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = post.save_revision()
    revision.publish()  # scheduled, not live
    # The hour has passed (written straight to the rows: no signal, as if time went by).
    past = timezone.now() - datetime.timedelta(minutes=1)
    Revision.objects.filter(pk=revision.pk).update(
        approved_go_live_at=past, content={**revision.content, "go_live_at": past.isoformat()}
    )
    for address in ("/news/", "/news/feed/"):
        assert client.get(address)["X-Page-Cache"] == "miss"
        cached = client.get(address)
        assert cached["X-Page-Cache"] == "hit"
        assert "Open on Saturday mornings" not in cached.content.decode()

    cron = run_manage(
        "publish_scheduled", settings="clinic.settings.test", DATABASE_URL=database_url()
    )
    assert cron.returncode == 0, cron.stderr
    post.refresh_from_db()
    assert post.live

    for address in ("/news/", "/news/feed/"):
        fresh = client.get(address)
        assert fresh["X-Page-Cache"] == "miss", address
        assert "Open on Saturday mornings" in fresh.content.decode(), address


def test_every_model_counts_as_content_unless_listed_as_never_shown():
    models = apps.get_models(include_auto_created=True)
    labels = {model._meta.label_lower for model in models}
    app_labels = {model._meta.app_label for model in models}
    # Each entry of the list names something installed (a typo would leave a hole unnoticed).
    assert labels | app_labels >= settings.PAGE_CACHE_NOT_PURGED_BY
    counted = {model._meta.label_lower for model in models if purges_pages(model)}
    # Every page type counts, and the lists, details and files pages show.
    assert {model._meta.label_lower for model in apps.get_models() if hasattr(model, "route")} <= (
        counted
    )
    assert {
        "clinic.clinicsettings",
        "first_visit.firstvisitsettings",
        "first_visit.insuranceplan",
        "clinic.bodyregion",
        "wagtailimages.image",
        "wagtaildocs.document",
        "wagtailredirects.redirect",
        "wagtailcore.site",
    } <= counted
    # What patients' own visits write does not.
    assert not counted & {"appointments.appointmentrequest", "wagtailimages.rendition"}
