"""
Whole public pages for anonymous visitors, kept in the content cache (clinic.caching.cache: each
process's own copies, in front of Redis in production) and served without touching the
database.

Design: one site-wide content version, kept in the database (clinic.caching.content_version). Every
cached page is stored under the version that was current when its request began; any change to
content (a page published, unpublished, moved or deleted; a list, a location's hours, the
clinic's details, a redirect, an image or document saved...) writes a new version in its own
transaction, so every process stops serving every older page once it commits. Old entries
simply expire.
A clever per-page purge would have to know every page that shows a changed thing (menus, lists,
cards, "related" links, search results); a version bump cannot miss one.

What is never cached: anything but a GET (or HEAD) of a public address, any request that carries
a session or messages cookie (staff signed in, the Wagtail user bar, previews, a message to
show), and any response that is not a 200, streams, sets a cookie, says private/no-store/
no-cache, or contains a CSRF token. (Pages say "Vary: Cookie" because Wagtail's user bar looks
for a signed-in user; without a session cookie there is none, so they are the same for all.)

Stale rather than unavailable (find()): a page is kept an hour past its time; while the
database does not answer, it is served (X-Page-Cache: stale) instead of a 503. Just after a
change, one request builds a page again while the others serve the copy from before the change
for a few seconds, so a publish is not followed by every process building every page at once.

PAGE_CACHE=off in the environment switches it off (benchmarks, debugging). With the shared
cache down, or with none (no REDIS_URL), each process serves the pages it built itself: the
version they are kept under comes from the database, not from the cache.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import caches
from django.http import parse_cookie
from django.utils.cache import patch_cache_control

from clinic.caching.cache import content_cache
from clinic.caching.content_version import (
    bump,
    current_version,
    database_unreachable,
    forget,
    previous_version,
)
from clinic.caching.frontend_cache import purge_everything_after_commit
from clinic.caching.frozen_pages import (
    accepts_gzip,
    cacheable_response,
    freeze,
    seconds_to_keep,
    thaw,
)
from clinic.i18n import prefixed


logger = logging.getLogger(__name__)

SKIPPED_PATHS = ("/admin/", "/documents/", "/static/", "/media/", *prefixed("/appointments/"))
PRIVATE_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
# How much longer than its time a page is kept, to be served while the database does not answer.
STALE_SECONDS = 60 * 60
# How long one request may take to build a page again while others serve the previous copy.
REBUILD_SECONDS = 10


def enabled():
    return settings.PAGE_CACHE


def content_changed():
    """
    Make every cached page stale, in every process, with the change being made (see
    clinic.caching.content_version); and the proxy or CDN in front, if there is one, once it commits.
    """
    bump()
    purge_everything_after_commit()


def page_key(version, environ):
    """The key of a page: its host, path and query string as the server received them."""
    host = environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "")
    address = f"{host}{environ.get('PATH_INFO', '')}?{environ.get('QUERY_STRING', '')}"
    digest = hashlib.sha256(address.encode("utf-8", "surrogateescape")).hexdigest()
    return f"page-cache:{version}:{digest}"


def is_secure(environ):
    header = settings.SECURE_PROXY_SSL_HEADER
    if header and environ.get(header[0]):
        return environ[header[0]].split(",")[0].strip() == header[1]
    return environ.get("wsgi.url_scheme") == "https"


def may_serve(environ):
    """A request a cached page may answer (before Django has looked at it)."""
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return False
    if environ.get("PATH_INFO", "").startswith(SKIPPED_PATHS):
        return False
    if settings.SECURE_SSL_REDIRECT and not is_secure(environ):
        return False  # Django's SecurityMiddleware answers with the redirect to https
    cookies = parse_cookie(environ.get("HTTP_COOKIE", ""))
    return not any(name in cookies for name in PRIVATE_COOKIES)


def forget_local_copies():
    """Drop this process's copies of pages and content, and read the content version again."""
    content_cache().clear()
    forget(everything=True)


def fetch(key, stale_ok=False):
    """
    (frozen page, "hit") for the page kept under `key`, or (frozen page, "stale") when
    `stale_ok` and the page is past its time (kept STALE_SECONDS longer for that); or None.
    """
    frozen = content_cache().get(key)
    if frozen is None:
        return None
    if frozen[-1] > time.time():
        return frozen, "hit"
    return (frozen, "stale") if stale_ok else None


CLAIM = (
    "clinic.caching.page_cache.claim"  # in the request's environ: this request rebuilds the page
)


def someone_else_rebuilds(key, environ):
    """
    Whether another request (in any process sharing the "default" cache) is already building
    this page for the new content version. The first to ask claims it, for REBUILD_SECONDS or
    until its answer is ready (release_claim), and notes so in its environ.
    """
    if CLAIM in environ:
        return False  # this request's own claim (made before Django, by PageCacheApp)
    claims = caches["default"]
    claim = f"page-rebuild:{key}"
    if claims.add(claim, 1, REBUILD_SECONDS):
        environ[CLAIM] = claim
        return False
    # Not added, and there: another's claim (a cache that is down adds nothing and has nothing).
    return claims.get(claim) is not None


def release_claim(environ):
    """The page is built (or turned out not to be kept): others build or find it themselves."""
    claim = environ.pop(CLAIM, None)
    if claim is not None:
        caches["default"].delete(claim)


def find(environ):
    """
    The page to answer this request with, as (frozen page, "hit" or "stale"), or None:
    - the page kept under the current content version;
    - while the database does not answer, also one past its time (rather than a 503);
    - just after a change, while another request builds the new page, the one kept under the
      version before (only while that request runs: no stampede of every process building it
      at once).
    """
    version = current_version()
    if version is None:
        return None
    key = page_key(version, environ)
    found = fetch(key, stale_ok=database_unreachable())
    if found is not None or environ.get("REQUEST_METHOD") != "GET":
        return found
    previous = previous_version()
    if previous is None:
        return None
    before = fetch(page_key(previous, environ), stale_ok=True)
    if before is not None and someone_else_rebuilds(key, environ):
        return before[0], "stale"
    return None


def lookup(environ):
    """The page for this request, as find() gives it, or None."""
    if not enabled() or not may_serve(environ):
        return None
    return find(environ)


class PageCacheMiddleware:
    """
    Keep pages that may be shared, and serve them (requests that reach Django: the test client,
    and servers run without PageCacheApp). Public pages also tell a CDN it may keep them
    briefly while browsers revalidate. Put it after the middleware that adds the headers every
    response needs (they are kept with the page) and before the session, CSRF and
    authentication middleware (a cached page needs none of them).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        environ = request.META
        if not may_serve(environ):
            return self.get_response(request)
        found = find(environ) if enabled() else None
        if found is not None:
            frozen, state = found
            return thaw(frozen, environ, state)
        version = current_version() if enabled() else None
        try:
            return self.build(request, version)
        finally:
            release_claim(environ)

    def build(self, request, version):
        """Django's answer, kept when it may be shared."""
        response = self.get_response(request)
        if not cacheable_response(response):
            return response
        seconds = seconds_to_keep(response)
        if "Cache-Control" not in response:
            # A CDN may keep it briefly; a browser asks again each time.
            patch_cache_control(response, public=True, max_age=0, s_maxage=seconds)
        if version is not None and request.method == "GET" and seconds > 0:
            content_cache().set(
                page_key(version, request.META),
                freeze(response, seconds),
                seconds + STALE_SECONDS,
            )
            response["X-Page-Cache"] = "miss"
        return response


class PageCacheApp:
    """
    The fast way in, around the WSGI application (clinic.wsgi): a cached page is answered
    before Django builds a request, runs middleware or resolves the address. Everything else
    goes to Django, where PageCacheMiddleware keeps what may be shared.
    """

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        found = lookup(environ)
        if found is None:
            return self.application(environ, start_response)
        (status, headers, content, zipped, _), state = found
        body = zipped if accepts_gzip(environ) else content
        headers = [*headers, ("Content-Length", str(len(body))), ("X-Page-Cache", state)]
        if body is zipped:
            headers.append(("Content-Encoding", "gzip"))
            headers = [
                (k, f"{v}, Accept-Encoding" if k.lower() == "vary" else v) for k, v in headers
            ]
        start_response(f"{status} OK", headers)
        return [b"" if environ.get("REQUEST_METHOD") == "HEAD" else body]
