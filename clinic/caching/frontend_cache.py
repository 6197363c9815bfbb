"""
Purging a cache in front of the site (Varnish, a CDN) through Wagtail's frontend cache, from
the environment (FRONTEND_CACHE_PURGE_URL, CLOUDFLARE_ZONE_ID; clinic.settings.caching).

Wagtail purges a page's own addresses when it is published or unpublished. Any change can show
on other pages too (menus, cards, lists), which the site's own page cache handles with one
site-wide version number (clinic.caching.page_cache); the same change sends the proxy one PURGE of each
site's home page, which deploy/varnish.vcl turns into dropping every page of that host.
"""

from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from django.conf import settings
from django.db import DatabaseError, connection, transaction

from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.backends.http import PurgeRequest, logger
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Site


class TimedHTTPBackend(HTTPBackend):
    """
    Wagtail's PURGE sender with a time limit: a proxy that hangs delays a publish by at most
    `timeout` seconds (Wagtail's own waits as long as the socket allows).
    """

    timeout = 2

    def purge(self, url):
        parts = urlsplit(url)
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        address = urlunsplit(
            [self.cache_scheme, self.cache_netloc, parts.path, parts.query, parts.fragment]
        )
        request = PurgeRequest(url=address, headers={"Host": host, "User-Agent": "clinic-purge"})
        try:
            with urlopen(request, timeout=self.timeout):  # noqa: S310 (LOCATION is ours)
                pass
        except HTTPError as error:
            logger.error("Couldn't purge '%s' from the HTTP cache: %s", url, error.code)
        except (URLError, OSError) as error:
            logger.error("Couldn't purge '%s' from the HTTP cache: %s", url, error)


def _purge_every_site():

    try:
        roots = [f"{site.root_url}/" for site in Site.objects.all()]
    except DatabaseError:  # e.g. during `migrate`, before the sites' table has all its columns
        logger.warning("No purge sent: the sites could not be read", exc_info=True)
        return
    purge_urls_from_cache(roots)


def purge_everything_after_commit():
    """Once per transaction, after it commits: ask the proxies in front to drop every page."""
    if not settings.WAGTAILFRONTENDCACHE:
        return
    if any(callback is _purge_every_site for _, callback, _ in connection.run_on_commit):
        return
    transaction.on_commit(_purge_every_site)
