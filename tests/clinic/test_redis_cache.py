"""
The shared cache on a real Redis: content built under a content version is kept in each
process too, so building a page costs no round trip for it; everything else comes from Redis.
"""

import pytest
import redis

from django.core.cache import caches
from django.test import override_settings

from clinic import cache as clinic_cache
from tests.conftest import free_port
from tests.servers import private_redis


pytestmark = pytest.mark.servers  # starts a Redis of its own


def redis_settings(url):
    return {
        "default": {
            "BACKEND": "clinic.cache.ResilientRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "clinic",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }


def test_versioned_content_is_kept_in_the_process_and_the_rest_asked_of_redis():
    clinic_cache.local_copies.entries.clear()
    with private_redis(free_port()) as url, override_settings(CACHES=redis_settings(url)):
        cache = caches["default"]
        route = "content:17:route:abc"
        cache.set(route, {"page": 4})
        cache.set("clinic:navigation:2", ["Procedures"])
        assert cache.get(route) == {"page": 4}
        assert cache.get("clinic:navigation:2") == ["Procedures"]

        redis.Redis.from_url(url).flushall()  # Redis forgets everything
        assert cache.get(route) == {"page": 4}  # this process still has it
        assert cache.get("clinic:navigation:2") is None  # a changing entry: asked of Redis

        # Each use gets its own copy: changing one does not change the next.
        cache.get(route)["page"] = 5
        assert cache.get(route) == {"page": 4}
        assert cache.get("content:18:route:abc") is None  # another version: not there
    clinic_cache.local_copies.entries.clear()
