"""
Whole public pages for anonymous visitors, kept in the content cache (clinic.cache: each
process's own copies, in front of Redis in production) and served without touching the
database.

Design: one site-wide content version, kept in the database (clinic.content_version). Every
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

PAGE_CACHE=off in the environment switches it off (benchmarks, debugging). With the shared
cache down, or with none (no REDIS_URL), each process serves the pages it built itself: the
version they are kept under comes from the database, not from the cache.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.http import HttpResponse, parse_cookie
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.text import compress_string as gzip_compress

from .cache import content_cache
from .content_version import bump, current_version, forget
from .frontend_cache import purge_everything_after_commit
from .i18n import prefixed


logger = logging.getLogger(__name__)

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
SKIPPED_PATHS = ("/admin/", "/documents/", "/static/", "/media/", *prefixed("/appointments/"))
PRIVATE_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")


def enabled():
    return settings.PAGE_CACHE


def content_changed():
    """
    Make every cached page stale, in every process, with the change being made (see
    clinic.content_version); and the proxy or CDN in front, if there is one, once it commits.
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
    forget()


def fetch(key):
    """
    The frozen page under `key` (from this process's copies, else from the shared cache; see
    clinic.cache), or None.
    """
    frozen = content_cache().get(key)
    if frozen is None or frozen[-1] <= time.time():  # expired (shows the time of day, say)
        return None
    return frozen


def lookup(environ):
    """The frozen page for this request, or None."""
    if not enabled() or not may_serve(environ):
        return None
    version = current_version()
    return None if version is None else fetch(page_key(version, environ))


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


def thaw(frozen, environ):
    """A Django response from a frozen page (for the middleware)."""
    status, headers, content, zipped, _ = frozen
    response = HttpResponse(zipped if accepts_gzip(environ) else content, status=status)
    for name, value in headers:
        response[name] = value
    if accepts_gzip(environ):
        response["Content-Encoding"] = "gzip"
        patch_vary_headers(response, ["Accept-Encoding"])
    response["X-Page-Cache"] = "hit"
    return response


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
        version = current_version() if enabled() else None
        if version is not None:
            frozen = fetch(page_key(version, environ))
            if frozen is not None:
                return thaw(frozen, environ)
        response = self.get_response(request)
        if not cacheable_response(response):
            return response
        seconds = seconds_to_keep(response)
        if "Cache-Control" not in response:
            # A CDN may keep it briefly; a browser asks again each time.
            patch_cache_control(response, public=True, max_age=0, s_maxage=seconds)
        if version is not None and request.method == "GET" and seconds > 0:
            content_cache().set(page_key(version, environ), freeze(response, seconds), seconds)
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
        frozen = lookup(environ)
        if frozen is None:
            return self.application(environ, start_response)
        status, headers, content, zipped, _ = frozen
        body = zipped if accepts_gzip(environ) else content
        headers = [*headers, ("Content-Length", str(len(body))), ("X-Page-Cache", "hit")]
        if body is zipped:
            headers.append(("Content-Encoding", "gzip"))
            headers = [
                (k, f"{v}, Accept-Encoding" if k.lower() == "vary" else v) for k, v in headers
            ]
        start_response(f"{status} OK", headers)
        return [b"" if environ.get("REQUEST_METHOD") == "HEAD" else body]
