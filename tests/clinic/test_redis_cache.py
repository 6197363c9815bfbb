"""
The caches on a real Redis: what is built from content under its version is kept in each
process too, so building a page costs no round trip for it, and a process goes on serving its
own copies when Redis forgets or fails; what changes (rate-limit counts) is asked of Redis.
"""

import pytest
import redis

from django.core.cache import caches
from django.test import override_settings

from tests.caches import redis_caches
from tests.network import free_port
from tests.servers import private_redis


pytestmark = pytest.mark.servers  # starts a Redis of its own


def test_content_is_kept_in_the_process_and_what_changes_is_asked_of_redis():
    with private_redis(free_port()) as url, override_settings(CACHES=redis_caches(url)):
        content, default = caches["content"], caches["default"]
        content.set("content:17:route:abc", {"page": 4})
        default.set("rate:1.2.3.4", 3)
        assert redis.Redis.from_url(url).dbsize() == 2  # both reached Redis

        redis.Redis.from_url(url).flushall()  # Redis forgets everything
        assert content.get("content:17:route:abc") == {"page": 4}  # this process still has it
        assert default.get("rate:1.2.3.4") is None  # a count: asked of Redis

        # Each use gets its own copy: changing one does not change the next.
        content.get("content:17:route:abc")["page"] = 5
        assert content.get("content:17:route:abc") == {"page": 4}
        assert content.get("content:18:route:abc") is None  # another version: not there


def test_another_process_finds_what_one_kept_in_redis():
    with private_redis(free_port()) as url, override_settings(CACHES=redis_caches(url)):
        caches["content"].set("content:17:menu", ["Procedures"])
        caches["content"].clear()  # this process's copies only, as in a second process
        assert caches["content"].get("content:17:menu") == ["Procedures"]  # from Redis
        assert caches["content"].get_many(["content:17:menu", "content:17:x"]) == {
            "content:17:menu": ["Procedures"]
        }
