"""
Redis as an optimisation, never a dependency. When Redis refuses a connection or does not
answer within its timeouts (0.5 s, see settings), each cache operation answers as if the cache
were empty (a miss; writes are dropped), a warning is logged, and Redis is left alone for
RETRY_SECONDS, so a dead or hanging Redis costs at most one timeout every half minute per
process, not one per cache call. Pages are then built without the cache; the appointment
rate limit lets requests through (see appointments.ratelimit).
"""

import functools
import logging
import time

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from django.core.cache.backends.redis import RedisCache


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


class ResilientRedisCache(RedisCache):
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
