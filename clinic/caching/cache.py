"""
The two caches (settings.CACHES; the whole design is in docs/architecture.md, "Caching").

- "default", shared by every process: Redis in production (REDIS_URL), memory in development.
  It holds what changes: rate-limit counts, sign-in lockouts.
- "content", what is built from the site's content: whole pages, routes, menus, page fragments,
  search profiles. Every key names the content version it was built under
  (clinic.caching.content_version), so an entry never changes once written. With Redis it is
  TieredCache: each process keeps its own copies in memory in front of Redis, so a page costs no
  round trip after its first use, and with Redis gone each process goes on serving its own.

Redis is an optimisation, never a dependency (ResilientRedisCache). When Redis refuses a
connection or does not answer within its timeouts (0.5 s, see settings), a warning is logged and
Redis is left alone for RETRY_SECONDS, so a dead or hanging Redis costs at most one timeout
every half minute per process, not one per cache call. Meanwhile each process keeps what it
writes to "default" in its own memory for at most FALLBACK_SECONDS (Wagtail's site root paths
and image renditions live there: without them every link on a page costs two queries); counts
(incr) are not kept, so rate limits let requests through rather than count per process.
"""

import logging
import threading
import time

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache


logger = logging.getLogger(__name__)

RETRY_SECONDS = 30
FALLBACK_SECONDS = 30
UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, OSError)


def content_cache():
    """The cache for what is built from content under its version (this thread's handle)."""
    return caches["content"]


class CacheUnavailable(ValueError):
    """incr() while Redis is unavailable: callers that count treat it as a fresh count."""


class RedisDown:
    """When each Redis (by address) may be tried again: for the whole process."""

    def __init__(self):
        self.until = {}
        self.lock = threading.Lock()

    def is_down(self, location):
        return time.monotonic() < self.until.get(location, 0.0)

    def went_down(self, location, error):
        with self.lock:
            self.until[location] = time.monotonic() + RETRY_SECONDS
        logger.warning(
            "Redis is unavailable (%s); serving without the cache for %d s",
            error.__class__.__name__,
            RETRY_SECONDS,
        )

    def clear(self):
        with self.lock:
            self.until.clear()


redis_down = RedisDown()


class ResilientRedisCache(RedisCache):
    """
    Django's Redis cache; while Redis is unavailable, this process's own short-lived copies
    (FALLBACK_SECONDS) stand in for it.
    """

    def __init__(self, server, params):
        super().__init__(server, params)
        self.location = str(server)
        self.fallback = LocMemCache(
            f"fallback-{self.location}",
            {"TIMEOUT": FALLBACK_SECONDS, "OPTIONS": {"MAX_ENTRIES": 1_000}},
        )

    def guarded(self, operation, when_down):
        """operation(), or when_down() while Redis is unavailable."""
        if redis_down.is_down(self.location):
            return when_down()
        try:
            return operation()
        except UNAVAILABLE as error:
            redis_down.went_down(self.location, error)
            return when_down()

    def shared_is_down(self):
        """Whether Redis is being left alone after failing (the health check reports it)."""
        return redis_down.is_down(self.location)

    @staticmethod
    def kept_briefly(timeout):
        """How long this process keeps an entry for itself while Redis is unavailable."""
        if timeout is DEFAULT_TIMEOUT or timeout is None:
            return FALLBACK_SECONDS
        return min(timeout, FALLBACK_SECONDS)

    def get(self, key, default=None, version=None):
        return self.guarded(
            lambda: super(ResilientRedisCache, self).get(key, default, version),
            lambda: self.fallback.get(key, default, version),
        )

    def get_many(self, keys, version=None):
        return self.guarded(
            lambda: super(ResilientRedisCache, self).get_many(keys, version),
            lambda: self.fallback.get_many(keys, version),
        )

    def has_key(self, key, version=None):
        return self.guarded(
            lambda: super(ResilientRedisCache, self).has_key(key, version),
            lambda: self.fallback.has_key(key, version),
        )

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self.guarded(
            lambda: super(ResilientRedisCache, self).add(key, value, timeout, version),
            lambda: self.fallback.add(key, value, self.kept_briefly(timeout), version),
        )

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self.guarded(
            lambda: super(ResilientRedisCache, self).set(key, value, timeout, version),
            lambda: self.fallback.set(key, value, self.kept_briefly(timeout), version),
        )

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self.guarded(
            lambda: super(ResilientRedisCache, self).set_many(data, timeout, version),
            lambda: self.fallback.set_many(data, self.kept_briefly(timeout), version),
        )

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self.guarded(
            lambda: super(ResilientRedisCache, self).touch(key, timeout, version),
            lambda: self.fallback.touch(key, self.kept_briefly(timeout), version),
        )

    def delete(self, key, version=None):
        self.fallback.delete(key, version)
        return self.guarded(lambda: super(ResilientRedisCache, self).delete(key, version), bool)

    def delete_many(self, keys, version=None):
        self.fallback.delete_many(keys, version)
        self.guarded(lambda: super(ResilientRedisCache, self).delete_many(keys, version), bool)

    def incr(self, key, delta=1, version=None):
        def unavailable():
            raise CacheUnavailable("The cache is unavailable")

        return self.guarded(
            lambda: super(ResilientRedisCache, self).incr(key, delta, version), unavailable
        )

    def clear(self):
        self.fallback.clear()
        self.guarded(lambda: super(ResilientRedisCache, self).clear(), bool)


class TieredCache(BaseCache):
    """
    For entries that never change once written (keyed by the content version): this process's
    own copies (memory, least recently used dropped first) in front of a shared cache, named by
    OPTIONS["SHARED"] ("default"). A miss here asks the shared cache and keeps what it sends.
    """

    def __init__(self, location, params):
        super().__init__(params)
        options = params.get("OPTIONS", {})
        self.shared_alias = options.get("SHARED", "default")
        local_params = {
            "TIMEOUT": params.get("TIMEOUT", 300),
            "OPTIONS": {"MAX_ENTRIES": options.get("MAX_ENTRIES", 1_500)},
        }
        self.local = LocMemCache(f"tiered-{location}", local_params)

    @property
    def shared(self):
        return caches[self.shared_alias]

    def get(self, key, default=None, version=None):
        missing = object()
        value = self.local.get(key, missing, version)
        if value is missing:
            value = self.shared.get(self.make_key(key, version), missing)
            if value is missing:
                return default
            self.local.set(key, value, version=version)
        return value

    def get_many(self, keys, version=None):
        found = self.local.get_many(keys, version)
        wanted = {self.make_key(key, version): key for key in keys if key not in found}
        if wanted:
            from_shared = self.shared.get_many(list(wanted))
            for shared_key, value in from_shared.items():
                found[wanted[shared_key]] = value
                self.local.set(wanted[shared_key], value, version=version)
        return found

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self.local.set(key, value, timeout, version)
        self.shared.set(self.make_key(key, version), value, self.shared_timeout(timeout))

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        self.local.set_many(data, timeout, version)
        shared = {self.make_key(key, version): value for key, value in data.items()}
        self.shared.set_many(shared, self.shared_timeout(timeout))
        return []

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if self.has_key(key, version):
            return False
        self.set(key, value, timeout, version)
        return True

    def has_key(self, key, version=None):
        return self.local.has_key(key, version) or self.shared.has_key(self.make_key(key, version))

    def delete(self, key, version=None):
        local = self.local.delete(key, version)
        return self.shared.delete(self.make_key(key, version)) or local

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self.local.touch(key, timeout, version)

    def shared_timeout(self, timeout):
        return self.default_timeout if timeout is DEFAULT_TIMEOUT else timeout

    def clear(self):
        """This process's copies only: the shared cache holds other things too."""
        self.local.clear()
