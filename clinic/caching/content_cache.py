"""
Content that every page view would otherwise ask the database for (which site, which page an
address leads to, whether it is restricted), kept in the shared cache under the page cache's
site-wide version (clinic.caching.page_cache): any change to content makes all of it stale at once, on
every server. It serves the page views the page cache does not: staff, the first view after a
change, and PAGE_CACHE=off.
"""

import hashlib
import types

from django.conf import settings
from django.utils import translation

from wagtail.models import Page, PageViewRestriction, Site

from clinic.caching.cache import content_cache
from clinic.caching.content_version import current_version


MISSING = object()


def remember(name, parts, compute):
    """compute(), kept under the current content version; computed every time without a cache."""
    version = current_version()
    if version is None:
        return compute()
    digest = hashlib.sha256(repr(parts).encode("utf-8", "surrogateescape")).hexdigest()
    key = f"content:{version}:{name}:{digest}"
    found = content_cache().get(key, MISSING)
    if found is not MISSING:
        return found
    value = compute()
    content_cache().set(key, value, settings.PAGE_CACHE_SECONDS)
    return value


_this_version = {"version": None, "holder": None}


def version_holder():
    """
    An object that lives in this process as long as the content version does (None without
    a cache): what is stored on it is dropped at the next change to content.
    """
    version = current_version()
    if version is None:
        return None
    if _this_version["version"] != version:
        _this_version.update(version=version, holder=types.SimpleNamespace())
    return _this_version["holder"]


def view_restriction_ids(page, compute):
    return remember("view-restrictions", page.pk, compute)


def restrictions_for(page_ids):
    """A queryset of the restrictions with these ids; none at all without a query."""
    if not page_ids:
        return PageViewRestriction.objects.none()
    return PageViewRestriction.objects.filter(pk__in=page_ids)


class RouteCacheMiddleware:
    """
    For Wagtail's page view: the Site and the page (with its fields) an address leads to come
    from the cache, not from one query per part of the path; for a routable page's own
    addresses (a feed, a body region), the view that answers them too.
    """

    def __init__(self, get_response):
        from wagtail.views import serve  # needs the models loaded

        self.wagtail_serve = serve
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not self.wagtail_serve or request.method not in ("GET", "HEAD"):
            return
        # Wagtail's pattern passes the path as its one positional argument.
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        hostname, port = request.get_host(), request.get_port()
        language = translation.get_language()

        def route():
            site = Site.find_for_request(request)
            result = Page.route_for_request(request, path)
            if site is None or result is None:
                return None
            page, args, kwargs = result
            # Wagtail falls back to the English tree when a site has no Spanish home yet:
            # an English page at a Spanish address is not found instead.
            if page.locale.language_code != language:
                return None
            # A routable page's own view comes as (view function, its args, its kwargs).
            return site, page, args, kwargs

        found = remember("route", (hostname, port, language, path), route)
        if found is None:
            request._wagtail_route_for_request = None
        else:
            request._wagtail_site, page, args, kwargs = found
            request._wagtail_route_for_request = (page, args, kwargs)
        return
