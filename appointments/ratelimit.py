"""
How many appointment requests one address may send: counted in the cache, never stored.

Only what reaches the clinic counts: a saved request, or a form the bot trap caught. A patient
who mistypes a phone number five times is not blocked. Production keeps the count in Redis,
shared by every worker process; if Redis is down the limit lets requests through (the cache
answers as empty, see clinic.cache) rather than turning patients away.

The patient's address comes from clinic.client, which reads X-Forwarded-For behind the
clinic's own proxies (TRUSTED_PROXY_COUNT).
"""

from django.conf import settings
from django.core.cache import cache

from clinic.client import client_key


def rate_key(request):
    return client_key(request, "appointments:rate")


def over_rate_limit(request):
    """True once the address has sent as many requests as the limit allows in its window."""
    limit, _ = settings.APPOINTMENT_RATE_LIMIT
    return (cache.get(rate_key(request)) or 0) >= limit


def count_request(request):
    """Count one request that reached the clinic (saved, or caught by the bot trap)."""
    _, seconds = settings.APPOINTMENT_RATE_LIMIT
    key = rate_key(request)
    cache.add(key, 0, seconds)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr, or the cache is unavailable
        cache.set(key, 1, seconds)
