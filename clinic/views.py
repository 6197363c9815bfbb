"""The site's own views outside the page tree: robots.txt and the 500 page."""

import logging

from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.urls import reverse
from django.views.decorators.csrf import requires_csrf_token

from wagtail.models import Site

from .navigation import get_clinic_settings, get_navigation


logger = logging.getLogger(__name__)


def robots_txt(request):
    """Crawlers: everything public, but not the admin, search results or filtered lists."""
    site = Site.find_for_request(request)
    root = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    rules = ["User-agent: *", "Disallow: /admin/", f"Disallow: {reverse('search')}"]
    if site:
        directory = get_navigation(site)["sections"].get("physicianindexpage")
        if directory:
            rules.append(f"Disallow: {directory['url']}?")  # Find a Physician with filters
    rules += ["", f"Sitemap: {root}{reverse('sitemap')}", ""]
    return HttpResponse("\n".join(rules), content_type="text/plain; charset=utf-8")


@requires_csrf_token
def server_error(request):
    """The site's own 500 page, with the clinic's phone number when it can still be found."""
    clinic_settings = None
    try:
        site = Site.find_for_request(request)
        if site:
            clinic_settings = get_clinic_settings(site)
    except Exception:  # the error may be the database itself
        logger.warning("Could not load the clinic's details for the error page", exc_info=True)
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"clinic_settings": clinic_settings}))
