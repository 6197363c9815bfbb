"""
Redis as an optimisation, never a dependency. When Redis refuses a connection or does not
answer within its timeouts (0.5 s, see settings), each cache operation answers as if the cache
were empty (a miss; writes are dropped), a warning is logged, and Redis is left alone for
RETRY_SECONDS, so a dead or hanging Redis costs at most one timeout every half minute per
process, not one per cache call. Pages are then built without the cache; the appointment
rate limit lets requests through (see clinic.rate_limit).
"""

import functools
import logging
import threading
import time
from collections import OrderedDict

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


logger = logging.getLogger(__name__)

RETRY_SECONDS = 30
UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, OSError)


class CacheUnavailable(ValueError):
    """incr() while Redis is unavailable: callers that count treat it as a fresh count."""


def _missing(name, *args, **kwargs):
    if name == "get":
        return args[1] if len(args) > 1 else kwargs.get("default")
    if name == "get_many":
        return {}
    if name == "incr":
        raise CacheUnavailable("The cache is unavailable")
    if name == "set_many":
        return list(args[0]) if args else []
    return False if name in {"add", "touch", "has_key", "delete"} else None


# Per Redis address, for the whole process (Django makes one cache object per thread).
_down_until = {}


# Keys whose value never changes once written, because they name the content version it was
# built under: the content cache's (clinic.content_cache) and Wagtail's template fragments
# ({% wagtailpagecache %}, keyed by BasePage.get_cache_key_components).
UNCHANGING_KEYS = (":content:", ":template.cache.")
LOCAL_ENTRIES = 2_000
LOCAL_SECONDS = 300


class LocalCopies:
    """This process's copies of unchanging entries, as Redis sent them (pickled), LRU."""

    def __init__(self):
        self.entries = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            found = self.entries.get(key)
            if found is None or found[1] < time.monotonic():
                return None
            self.entries.move_to_end(key)
            return found[0]

    def put(self, key, raw):
        with self.lock:
            self.entries[key] = (raw, time.monotonic() + LOCAL_SECONDS)
            self.entries.move_to_end(key)
            while len(self.entries) > LOCAL_ENTRIES:
                self.entries.popitem(last=False)


local_copies = LocalCopies()


class ClinicRedisCacheClient(RedisCacheClient):
    """
    Two savings on every page built:
    - Django builds a new redis.Redis object for every cache call, and building one costs
      redis-py a few hundred string operations (0.3 ms, more than the call itself; a page
      makes a dozen). One per connection pool is kept and reused: a redis.Redis object is
      safe to share, its connections come from the pool.
    - Entries that never change (UNCHANGING_KEYS) are kept in this process too, as Redis
      sent them, so a page's route, lists and fragments cost no round trip to Redis after
      the first; each use unpickles its own copy. A change to content bumps the version, so
      other keys are asked for: a local copy is never stale.
    """

    def get(self, key, default):
        unchanging = any(marker in key for marker in UNCHANGING_KEYS)
        raw = local_copies.get(key) if unchanging else None
        if raw is None:
            raw = self.get_client(key).get(key)
            if raw is None:
                return default
            if unchanging:
                local_copies.put(key, raw)
        return self._serializer.loads(raw)

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_clients", {})
        client = clients.get(id(pool))
        if client is None:
            client = clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ClinicRedisCacheClient

    def _call(self, name, *args, **kwargs):
        servers = tuple(self._servers)
        if time.monotonic() < _down_until.get(servers, 0.0):
            return _missing(name, *args, **kwargs)
        try:
            return getattr(super(), name)(*args, **kwargs)
        except UNAVAILABLE as error:
            _down_until[servers] = time.monotonic() + RETRY_SECONDS
            logger.warning(
                "Redis is unavailable (%s); serving without the cache for %d s",
                error.__class__.__name__,
                RETRY_SECONDS,
            )
            return _missing(name, *args, **kwargs)


def _through_call(name):
    @functools.wraps(getattr(RedisCache, name))
    def method(self, *args, **kwargs):
        return self._call(name, *args, **kwargs)

    return method


for _name in [
    "add",
    "get",
    "set",
    "touch",
    "delete",
    "get_many",
    "has_key",
    "incr",
    "set_many",
    "delete_many",
    "clear",
]:
    setattr(ResilientRedisCache, _name, _through_call(_name))
