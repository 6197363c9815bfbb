"""
/healthz/ for load balancers and monitoring (django-health-check's checks, one after another):
the database, the cache, media storage and the age of the task queue.

503 only when this server cannot build pages: the database is unreachable. The cache, the
storage and the worker are shared by every app server, so a 503 for them would make a load
balancer take every server out at once and stop a site that still works without them (slower,
or without new uploads or e-mails). They show as "degraded" with 200, for monitoring to alert
on. Never cached; the body names services, never patients.
"""

import dataclasses
import datetime
import inspect
import logging

from asgiref.sync import async_to_sync
from django_tasks_db.models import DBTaskResult, get_date_max
from health_check.base import HealthCheck
from health_check.checks import Cache, Database, Storage
from health_check.exceptions import HealthCheckException, ServiceUnavailable, ServiceWarning

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


logger = logging.getLogger(__name__)


@dataclasses.dataclass
class WorkerQueue(HealthCheck):
    """The oldest task waiting for the worker (django-tasks-db) is younger than `max_age`."""

    max_age: datetime.timedelta = datetime.timedelta(minutes=5)

    def run(self):
        backend = settings.TASKS["default"]["BACKEND"]
        if not backend.startswith("django_tasks_db."):
            return  # tasks run at once, in the request: there is no queue

        try:
            oldest = DBTaskResult.objects.ready().order_by("enqueued_at").first()
        except DatabaseError as error:
            raise ServiceUnavailable("the queue cannot be read") from error
        if oldest is None:
            return
        # A task due "as soon as possible" has the largest date as its run_after.
        due = oldest.enqueued_at if oldest.run_after >= get_date_max() else oldest.run_after
        waited = timezone.now() - max(oldest.enqueued_at, due)
        if waited > self.max_age:
            raise ServiceWarning(
                f"the oldest task has waited {int(waited.total_seconds())} s; is the worker running?"
            )


@dataclasses.dataclass
class SharedCache(Cache):
    """
    health_check's round trip through the cache, and Redis itself: while Redis is down this
    process's own short-lived copies stand in for it (clinic.caching.cache), and the round trip
    alone would pass.
    """

    async def run(self):
        await super().run()
        shared_is_down = getattr(caches[self.alias], "shared_is_down", None)  # Redis's caches
        if shared_is_down and shared_is_down():
            raise ServiceUnavailable("the shared cache (Redis) is unavailable")


CHECKS = {
    "database": Database,
    "cache": SharedCache,
    "storage": Storage,
    "worker queue": WorkerQueue,
}
# Without these the site cannot build a page: 503. The others make it "degraded".
ESSENTIAL = {"database"}


def describe(error):
    """A check's result in a word or a sentence of our own (never a host name or credential)."""
    if error is None:
        return "ok"
    if isinstance(error, ServiceWarning):
        return error.message
    return "unavailable"


def run(check):
    """
    The check's error, or None. In this request's thread, not django-health-check's thread pool:
    database connections opened in pool threads would outlive the request.
    """
    try:
        if inspect.iscoroutinefunction(check.run):
            async_to_sync(check.run)()
        else:
            check.run()
    except HealthCheckException as error:
        logger.warning("Health check %s: %s", check.__class__.__name__, error, exc_info=True)
        return error
    except Exception as error:
        logger.exception("Health check %s failed unexpectedly", check.__class__.__name__)
        return error
    return None


@never_cache
@require_safe
def health(request):
    errors = {name: run(check()) for name, check in CHECKS.items()}
    failing = {name for name, error in errors.items() if error is not None}
    if failing & ESSENTIAL:
        status, code = "failing", 503
    elif failing:
        status, code = "degraded", 200
    else:
        status, code = "ok", 200
    checks = {name: describe(error) for name, error in errors.items()}
    return JsonResponse({"status": status, "checks": checks}, status=code)
