"""
/healthz/, as a load balancer and a monitor read it: 200 while this server can build pages, 503
when it cannot (the database: tests/site/test_database_outage.py), "degraded" when a shared
helper is down, never cached, nothing about patients.
"""

import datetime

import pytest
from django_tasks_db.models import DBTaskResult

from django.test import override_settings
from django.utils import timezone

from appointments.tasks import notify_front_desk
from tests.caches import redis_caches
from tests.network import free_port


pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def health(client):
    response = client.get("/healthz/")
    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"]
    return response.status_code, response.json()


def test_a_healthy_server_says_ok_for_each_service(client):
    assert health(client) == (
        200,
        {
            "status": "ok",
            "checks": {"database": "ok", "cache": "ok", "storage": "ok", "worker queue": "ok"},
        },
    )


@override_settings(PAGE_CACHE=True, TASKS=DATABASE_TASKS)
def test_a_stalled_worker_shows_as_degraded_and_the_answer_is_never_cached(client):
    assert health(client)[1]["status"] == "ok"

    notify_front_desk.enqueue(0)
    assert health(client)[1]["status"] == "ok"  # a task waiting a moment is normal

    DBTaskResult.objects.update(enqueued_at=timezone.now() - datetime.timedelta(minutes=12))
    status, body = health(client)
    assert status == 200  # every server shares the worker: taking them all out helps nobody
    assert body["status"] == "degraded"
    assert body["checks"]["worker queue"] == (
        "the oldest task has waited 720 s; is the worker running?"
    )
    assert body["checks"]["database"] == "ok"


def test_a_cache_that_is_down_shows_as_degraded_not_failing(client):
    dead_redis = redis_caches(f"redis://127.0.0.1:{free_port()}/0", seconds=0.2)
    with override_settings(CACHES=dead_redis):
        status, body = health(client)
    assert status == 200
    assert body["status"] == "degraded"
    assert body["checks"]["cache"] == "unavailable"
    assert "127.0.0.1" not in str(body)  # no host names, ports or credentials


def test_storage_that_cannot_be_written_shows_as_degraded(client, tmp_path):
    not_a_folder = tmp_path / "media"
    not_a_folder.write_text("a file where the media folder should be")
    storages = {
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(not_a_folder / "images")},
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages):
        status, body = health(client)
    assert (status, body["status"], body["checks"]["storage"]) == (200, "degraded", "unavailable")
