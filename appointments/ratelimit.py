"""How many requests one address may send: counted in the cache, never stored."""

import hashlib

from django.conf import settings
from django.core.cache import cache


def client_key(request):
    """The sender's address, hashed: it is counted in the cache, never stored."""
    address = request.META.get("REMOTE_ADDR", "")
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()
    return f"appointments:rate:{digest[:32]}"


def over_rate_limit(request):
    """Count this request; True once the address has sent more than the limit allows."""
    limit, seconds = settings.APPOINTMENT_RATE_LIMIT
    key = client_key(request)
    cache.add(key, 0, seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, seconds)
        count = 1
    return count > limit
