"""
The content version: one token, kept in the database, that every cache of pages and content is
keyed by (the page cache, clinic.caching.page_cache; the content cache, clinic.caching.content_cache; page
fragments; search profiles).

Any change to what public pages show (clinic.signal_handlers) writes a new token in the same
transaction as the change. So a change and the end of every copy built before it commit
together, or not at all, and every process that reads the database sees both: another web
server, the task worker, cron's `publish_scheduled`, with or without Redis. Nothing is owed
to a cache that happened to be down when the change was made.

Each process reads the token at most every PAGE_CACHE_VERSION_SECONDS (one small query per
half second, not one per page view). When the database does not answer, it keeps the token it
read last: pages cached under it are served rather than none.
"""

import logging
import secrets
import threading
import time

from django.apps import apps
from django.conf import settings
from django.db import DatabaseError, transaction
from django.utils import timezone


logger = logging.getLogger(__name__)

ROW = 1  # the table's one row

# The token as this process last read it, and when (time.monotonic(); None: read it again); the
# one before it; and when reading it last failed (None once it succeeds again).
_memo = {"token": None, "read_at": None, "previous": None, "failed_at": None, "failures": 0}
_memo_lock = threading.Lock()
# While the database does not answer, it is asked again after RETRY_SECONDS, then twice as long
# each time up to RETRY_MAX_SECONDS: one that hangs costs a cached page one wait (a connect
# timeout or a query deadline, clinic.operations.query_deadline) in that time, not one each second.
RETRY_SECONDS = 1.0
RETRY_MAX_SECONDS = 16.0


def versions():
    """The model's rows (looked up by name: the page models that use this module come first)."""
    return apps.get_model("clinic", "ContentVersion").objects


def new_token():
    return secrets.token_hex(8)


def read_token():
    """The token in the database (written there first if the row is missing)."""
    token = versions().filter(pk=ROW).values_list("token", flat=True).first()
    if token is None:
        version, _ = versions().get_or_create(
            pk=ROW, defaults={"token": new_token(), "changed_at": timezone.now()}
        )
        token = version.token
    return token


def current_version():
    """
    The content version, read from the database at most every PAGE_CACHE_VERSION_SECONDS;
    the last one read if the database does not answer (None if it never has).
    """
    now = time.monotonic()
    with _memo_lock:
        token, read_at, failed_at = _memo["token"], _memo["read_at"], _memo["failed_at"]
        retry = min(RETRY_SECONDS * 2 ** max(_memo["failures"] - 1, 0), RETRY_MAX_SECONDS)
    if read_at is not None and now - read_at < settings.PAGE_CACHE_VERSION_SECONDS:
        return token
    if failed_at is not None and now - failed_at < retry:
        return token
    try:
        found = read_token()
    except DatabaseError:
        logger.warning("The content version could not be read; using the last one", exc_info=True)
        with _memo_lock:
            _memo["failed_at"] = time.monotonic()
            _memo["failures"] += 1
        return token
    with _memo_lock:
        if _memo["token"] not in (None, found):
            _memo["previous"] = _memo["token"]
        _memo.update(token=found, read_at=now, failed_at=None, failures=0)
    return found


def previous_version():
    """The version this process read before the current one (None if none yet)."""
    return _memo["previous"]


def database_unreachable():
    """Whether the last attempt to read the version failed (pages may then be served stale)."""
    return _memo["failed_at"] is not None


def forget(everything=False):
    """Read the version from the database again next time (in this process)."""
    with _memo_lock:
        _memo["read_at"] = None
        if everything:
            _memo.update(token=None, previous=None, failed_at=None, failures=0)


def bump():
    """
    Make every cached page and piece of content stale, in every process, when the current
    transaction commits (at once outside one). A rolled-back change takes its bump with it.
    """
    token = new_token()
    try:
        # A savepoint: the change goes on if its bump cannot be written (during `migrate`,
        # before this table exists).
        with transaction.atomic():
            changed = versions().filter(pk=ROW).update(token=token, changed_at=timezone.now())
            if not changed:
                versions().update_or_create(
                    pk=ROW, defaults={"token": token, "changed_at": timezone.now()}
                )
    except DatabaseError:
        logger.warning("The content version could not be changed", exc_info=True)
    # This process reads the new token on its next page; its other threads again after the
    # commit (before it, they must keep the old one: the change is not visible to them yet).
    forget()
    transaction.on_commit(forget)
