"""
Whole public pages for anonymous visitors, kept in the shared cache (Redis in production,
memory in development) and served without touching the database.

Design: one site-wide version number, kept in the same cache. Every cached page is stored under
the version that was current when its request began; any change to content (a page published,
unpublished, moved or deleted; a list, a location's hours, the clinic's details, a redirect, an
image or document saved...) adds one to the version once its transaction commits, so every
server sharing the cache stops serving every older page at once. Old entries simply expire.
A clever per-page purge would have to know every page that shows a changed thing (menus, lists,
cards, "related" links, search results); a version bump cannot miss one.

What is never cached: anything but a GET (or HEAD) of a public address, any request that carries
a session or messages cookie (staff signed in, the Wagtail user bar, previews, a message to
show), and any response that is not a 200, streams, sets a cookie, says private/no-store/
no-cache, or contains a CSRF token. (Pages say "Vary: Cookie" because Wagtail's user bar looks
for a signed-in user; without a session cookie there is none, so they are the same for all.)

PAGE_CACHE=off in the environment switches it off (benchmarks, debugging). A cache that is
down only means pages are built every time (see clinic.cache).
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import patch_cache_control


logger = logging.getLogger(__name__)

VERSION_KEY = "page-cache:version"
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
SKIPPED_PATHS = ("/admin/", "/appointments/", "/documents/", "/static/", "/media/")
PRIVATE_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")

# A bump that found the cache unavailable, to be made as soon as it answers again (this
# process's pages may otherwise be served stale until they expire).
_bump_owed = False


def enabled():
    return settings.PAGE_CACHE


def current_version():
    """The site-wide version, or None when the cache does not answer."""
    global _bump_owed
    version = cache.get(VERSION_KEY)
    if version is None:
        # First use, or the key was evicted: start above any number used before.
        cache.add(VERSION_KEY, time.time_ns(), timeout=None)
        version = cache.get(VERSION_KEY)
    if version is not None and _bump_owed:
        _bump_owed = False
        bump()
        version = cache.get(VERSION_KEY)
    return version


def bump():
    """Make every cached page stale, on every server sharing the cache."""
    global _bump_owed
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no version yet (nothing cached), or the cache is unavailable
        if not cache.add(VERSION_KEY, time.time_ns(), timeout=None):
            _bump_owed = True


def bump_after_commit():
    """
    Now, so that this process sees its own change at once, and again once the change commits,
    so that no other process keeps a page it built from the data before the commit.
    """
    bump()
    transaction.on_commit(bump)


def page_key(version, request):
    address = f"{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode("utf-8", "surrogateescape")).hexdigest()
    return f"page-cache:{version}:{digest}"


def cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith(SKIPPED_PATHS)
        and not any(name in request.COOKIES for name in PRIVATE_COOKIES)
    )


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


def freeze(response):
    headers = [(k, v) for k, v in response.items() if k.lower() in KEPT_HEADERS]
    return (response.status_code, headers, response.content)


def thaw(frozen):
    status, headers, content = frozen
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response["X-Page-Cache"] = "hit"
    return response


class PageCacheMiddleware:
    """
    Serve a cached page when there is one; otherwise build it, and keep it when it may be
    shared. Public pages also tell a CDN it may keep them briefly while browsers revalidate.
    Put it after the middleware that adds the headers every response needs (they are kept
    with the page) and before the session, CSRF and authentication middleware (a cached page
    needs none of them).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            return self.get_response(request)
        version = current_version() if enabled() else None
        if version is not None:
            frozen = cache.get(page_key(version, request))
            if frozen is not None:
                return thaw(frozen)
        response = self.get_response(request)
        if not cacheable_response(response):
            return response
        seconds = seconds_to_keep(response)
        if "Cache-Control" not in response:
            # A CDN may keep it briefly; a browser asks again each time.
            patch_cache_control(response, public=True, max_age=0, s_maxage=seconds)
        if version is not None and request.method == "GET" and seconds > 0:
            cache.set(page_key(version, request), freeze(response), seconds)
            response["X-Page-Cache"] = "miss"
        return response
