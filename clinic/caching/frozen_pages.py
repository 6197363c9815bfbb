"""
A page as the page cache keeps it (clinic.caching.page_cache): which answers may be kept and for how
long, and the frozen form they are kept in (status, headers, body plain and gzipped, expiry).
"""

import time

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.text import compress_string as gzip_compress


# Headers a cached page is served with again; the rest (Set-Cookie, Date...) are per response.
KEPT_HEADERS = {
    "content-type",
    "content-language",
    "content-security-policy",
    "cross-origin-opener-policy",
    "cache-control",
    "link",
    "permissions-policy",
    "referrer-policy",
    "strict-transport-security",
    "vary",
    "x-content-type-options",
    "x-frame-options",
    "x-robots-tag",
}


def cacheable_response(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "")
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    return b"csrfmiddlewaretoken" not in response.content


def seconds_to_keep(response):
    """
    How long a shared cache may keep the page: its own limit (pages that show the time of
    day), the s-maxage or max-age its view chose, or PAGE_CACHE_SECONDS.
    """
    own = getattr(response, "page_cache_seconds", None)
    if own is not None:
        return own
    directives = dict(
        part.strip().partition("=")[::2] for part in response.get("Cache-Control", "").split(",")
    )
    for name in ("s-maxage", "max-age"):
        if directives.get(name, "").isdigit():
            return int(directives[name])
    return settings.PAGE_CACHE_SECONDS


class ChangesWithTheClock:
    """A page mixin for pages that show the time of day ("Open now"): kept a minute at most."""

    page_cache_seconds = 60

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        response.page_cache_seconds = self.page_cache_seconds
        return response


def freeze(response, seconds):
    """
    What is kept: the status, the headers every answer repeats, the body plain and gzipped,
    and when it expires.
    """
    headers = [(k, v) for k, v in response.items() if k.lower() in KEPT_HEADERS]
    content = response.content
    return (response.status_code, headers, content, gzip_compress(content), time.time() + seconds)


def accepts_gzip(environ):
    return "gzip" in environ.get("HTTP_ACCEPT_ENCODING", "")


def thaw(frozen, environ, state="hit"):
    """A Django response from a frozen page (for the middleware)."""
    status, headers, content, zipped, _ = frozen
    response = HttpResponse(zipped if accepts_gzip(environ) else content, status=status)
    for name, value in headers:
        response[name] = value
    if accepts_gzip(environ):
        response["Content-Encoding"] = "gzip"
        patch_vary_headers(response, ["Accept-Encoding"])
    response["X-Page-Cache"] = state
    return response
