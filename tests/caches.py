"""The production caches' settings, pointed at a Redis of a test's choosing."""


def redis_caches(url, seconds=0.5):
    """The production caches (clinic.settings.caching) on the Redis at `url`."""
    return {
        "default": {
            "BACKEND": "clinic.caching.cache.ResilientRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "clinic",
            "OPTIONS": {"socket_connect_timeout": seconds, "socket_timeout": seconds},
        },
        "content": {
            "BACKEND": "clinic.caching.cache.TieredCache",
            "LOCATION": f"content-{url}",
            "OPTIONS": {"SHARED": "default"},
        },
    }
