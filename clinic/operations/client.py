"""
Who is asking: the client's address, as the clinic's own proxies report it.

Behind proxies (a load balancer, a CDN) the client's address is in X-Forwarded-For, where each
proxy appends the address it received the request from. TRUSTED_PROXY_COUNT says how many
proxies of the clinic's own sit in front; the address the outermost of them saw is the
client's. Anything further left in the header was written by the client and is not trusted.
Used by the appointment rate limit and by the staff sign-in lockout.
"""

import hashlib

from django.conf import settings


def client_address(request):
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def client_key(request, namespace):
    """A cache key for counting this client's requests: its address hashed, never stored."""
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{client_address(request)}".encode()).hexdigest()
    return f"{namespace}:{digest[:32]}"
