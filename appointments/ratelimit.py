"""
How many appointment requests one address may send: counted in the cache, never stored.

Only what reaches the clinic counts: a saved request, or a form the bot trap caught. A patient
who mistypes a phone number five times is not blocked. Production keeps the count in Redis,
shared by every worker process; if Redis is down the limit lets requests through (the cache
answers as empty, see clinic.cache) rather than turning patients away.

The patient's address comes from clinic.client, which reads X-Forwarded-For behind the
clinic's own proxies (TRUSTED_PROXY_COUNT).
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

from clinic.client import client_address


def client_key(request):
    """The sender's address, hashed: it is counted in the cache, never stored."""
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{client_address(request)}".encode()).hexdigest()
    return f"appointments:rate:{digest[:32]}"


def over_rate_limit(request):
    """True once the address has sent as many requests as the limit allows in its window."""
    limit, _ = settings.APPOINTMENT_RATE_LIMIT
    return (cache.get(client_key(request)) or 0) >= limit


def count_request(request):
    """Count one request that reached the clinic (saved, or caught by the bot trap)."""
    _, seconds = settings.APPOINTMENT_RATE_LIMIT
    key = client_key(request)
    cache.add(key, 0, seconds)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr, or the cache is unavailable
        cache.set(key, 1, seconds)
