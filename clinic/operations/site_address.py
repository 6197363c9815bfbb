"""
The site's public address (SITE_URL) written into Wagtail's default Site, so that canonical links,
og:url, the sitemap, robots.txt and the JSON-LD carry the address patients use, with no admin's
hand edit. Applied after every `migrate` (clinic.apps) and by `manage.py set_site_address`.

Without SITE_URL, the first request a process serves from an allowed host gives the address,
as long as the default site still has the placeholder that Wagtail and the demo loader create
(localhost, port 80): an admin's own choice in Settings › Sites is never overwritten.

`make run` gives a local run's address (http://127.0.0.1:PORT) with `set_site_address
--if-local`: only over an address that is itself local (the placeholder, or an earlier run's
port), so a database with a real address, set by a site admin or a deploy, keeps it.
"""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.db import DatabaseError
from django.http.request import split_domain_port

from wagtail.models import Site


logger = logging.getLogger(__name__)

PLACEHOLDER = ("localhost", 80)
# Host names only this machine reaches: no patient ever followed a link to a site there.
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}


def parse(url):
    """
    (hostname, port) for a site address such as https://clinic.example or
    http://127.0.0.1:8000. Wagtail derives the scheme from the port (443 is https, anything
    else http), so https must use port 443 and http any other port.
    """
    parts = urlsplit(url.strip())
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ValueError(f"SITE_URL must look like https://clinic.example, not {url!r}.")
    if parts.path not in {"", "/"} or parts.query or parts.fragment:
        raise ValueError(f"SITE_URL is the site's origin only, without a path: {url!r}.")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise ValueError(f"SITE_URL has a port that is not a number: {url!r}.") from None
    if (parts.scheme == "https") != (port == 443):
        raise ValueError(
            f"SITE_URL {url!r}: Wagtail serves https on port 443 and http on any other port."
        )
    return parts.hostname, port


def apply(url):
    """Give the default site the address `url`. Returns the site if it changed, else None."""

    hostname, port = parse(url)
    return _set(Site.objects.filter(is_default_site=True).first(), hostname, port)


def is_local(site):
    """Whether `site` has an address only this machine reaches (localhost, 127.0.0.1)."""
    return site.hostname in LOCAL_HOSTS


def _set(site, hostname, port):
    if site is None or (site.hostname, site.port) == (hostname, port):
        return None
    if site.__class__.objects.filter(hostname=hostname, port=port).exclude(pk=site.pk).exists():
        logger.warning("Another site already answers at %s:%s; left as it is.", hostname, port)
        return None
    site.hostname, site.port = hostname, port
    # save(), not update(): Wagtail forgets its cached root paths and the page cache its pages.
    site.save()
    return site


_settled = False


def adopt_request_address(request):
    """
    Once per process, where no SITE_URL is set: the placeholder default site takes the address
    of this request (its host is one of ALLOWED_HOSTS, checked by get_host()).
    """
    global _settled  # one check per process
    if _settled:
        return
    if settings.SITE_URL or not settings.SITE_ADDRESS_FROM_REQUEST:
        _settled = True
        return
    if request.path == "/healthz/":
        return  # a load balancer's or Varnish's probe, by an internal name
    try:
        host = request.get_host()
    except DisallowedHost:
        return  # Django answers 400; a later request from an allowed host decides

    try:
        site = Site.objects.filter(is_default_site=True).first()
    except DatabaseError:
        return  # the database is down: the view answers 503, a later request decides
    _settled = True
    if site is None or (site.hostname, site.port) != PLACEHOLDER:
        return
    hostname, port = split_domain_port(host)
    scheme = "https" if request.is_secure() else "http"
    port = int(port) if port else (443 if scheme == "https" else 80)
    try:
        parse(f"{scheme}://{hostname}:{port}")
    except ValueError:
        logger.warning(
            "The site's address cannot be %s://%s:%s; set SITE_URL.", scheme, hostname, port
        )
        return
    if _set(site, hostname, port):
        logger.warning(
            "The site's address is now %s (from a request; set SITE_URL).", site.root_url
        )


class SiteAddressMiddleware:
    """Calls adopt_request_address() on the first request of each process, then nothing."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _settled:
            adopt_request_address(request)
        return self.get_response(request)
