"""
The site's own views outside the page tree: robots.txt, the page for a refused form (CSRF),
the 500 page, and the 503 page shown while the database is unreachable.
"""

import logging
import sys

import psycopg

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import (
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseServerError,
    JsonResponse,
)
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html

from wagtail.models import Site

from clinic.i18n import LANGUAGE_NAMES
from clinic.models.contact import tel_href
from clinic.navigation import get_clinic_settings, get_navigation


logger = logging.getLogger(__name__)


def robots_txt(request):
    """Crawlers: everything public, but not the admin, search results or filtered lists."""
    site = Site.find_for_request(request)
    root = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    rules = ["User-agent: *", "Disallow: /admin/"]
    for language in LANGUAGE_NAMES:
        with translation.override(language):
            rules.append(f"Disallow: {reverse('search')}")
    if site:
        directory = get_navigation(site)["sections"].get("physicianindexpage")
        if directory:
            rules.append(f"Disallow: {directory['url']}?")  # Find a Physician with filters
    rules += ["", f"Sitemap: {root}{reverse('sitemap')}", ""]
    return HttpResponse("\n".join(rules), content_type="text/plain; charset=utf-8")


RETRY_AFTER_SECONDS = 60
# Errors that mean the connection is gone: Django's, and psycopg's when they reach a view
# unwrapped.
OUTAGE_ERRORS = (
    OperationalError,
    InterfaceError,
    psycopg.OperationalError,
    psycopg.InterfaceError,
)


def fallback_contact():
    """The clinic's name and phone from the settings (the environment), not the database."""
    phone = settings.CLINIC_PHONE
    return {"clinic_name": settings.CLINIC_NAME, "phone": phone, "phone_href": tel_href(phone)}


BARE_503 = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>The website is not available just now</title></head><body><main>
<h1>The website is not available just now</h1><p>Please try again in a few minutes.</p>
{call}<p><strong>In an emergency, call 911 or go to the nearest emergency room.</strong></p>
</main></body></html>"""


def database_unavailable(request=None):
    """503 with Retry-After: the database is unreachable. Reads nothing from it."""
    contact = fallback_contact()
    try:
        body = loader.get_template("503.html").render({"clinic_settings": contact})
    except Exception:  # e.g. static files not collected: the page must still be shown
        logger.exception("The 503 page could not be rendered; showing a bare one")
        call = "<p>If you need to speak to us, please call the clinic.</p>"
        if contact["phone"]:
            call = format_html(
                '<p>If you need to speak to us, call <a href="{}">{}</a>.</p>',
                contact["phone_href"],
                contact["phone"],
            )
        body = BARE_503.format(call=call)
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


NOT_SAVED = (
    "Not saved: the database was busy or could not be reached. Your changes are still here; "
    "they will be saved on the next try."
)


def changes_not_saved(request):
    """
    503 for a change in the admin the database did not take (busy, or unreachable), told where
    the editor is: Wagtail's autosave shows the message in the editor; a submitted form gets a
    page that says nothing was changed and how to send it again. Reads nothing from the database.
    """
    if not request.accepts("text/html"):  # autosave
        answer = {"success": False, "error_code": "internal_error", "error_message": NOT_SAVED}
        response = JsonResponse(answer, status=503)
    else:
        body = loader.get_template("clinic/admin/not_saved.html").render({})
        response = HttpResponse(body, status=503)
    response["Retry-After"] = "5"
    response["Cache-Control"] = "no-store"
    return response


def is_database_outage(error):
    """
    An error that says the database cannot be reached, not that a query was wrong: Django's, or
    psycopg's own where Django did not wrap it (a server-side cursor closed while a template
    was rendering), or an error raised while handling one of those.
    """
    for _ in range(10):  # the chain of errors, each raised while handling the one before
        if error is None:
            return False
        if isinstance(error, OUTAGE_ERRORS) or (
            isinstance(error, DatabaseError) and "connection" in str(error).lower()
        ):
            return True
        error = error.__cause__ or error.__context__
    return False
    return False


def csrf_failure(request, reason=""):
    """A form refused because its security token was missing or stale: say what to do."""
    template = loader.get_template("403_csrf.html")
    return HttpResponse(template.render({}, request), status=403)


def clinic_settings_for_error_page(request):
    """The clinic's details for an error page, or None where they cannot be read."""
    try:
        site = Site.find_for_request(request)
        return get_clinic_settings(site) if site else None
    except Exception:  # the error may be the database itself
        logger.warning("Could not load the clinic's details for the error page", exc_info=True)
        return None


# The error pages have no form, so they need no CSRF token: Django's default 400 handler asks for
# one, which reads the request's body again and fails again on the body that caused the 400.
def bad_request(request, exception):
    """A request the site cannot read (a body in another encoding, a malformed upload): 400."""
    template = loader.get_template("400.html")
    context = {"clinic_settings": clinic_settings_for_error_page(request)}
    return HttpResponseBadRequest(template.render(context))


def server_error(request):
    """
    The site's own 500 page, with the clinic's phone number when it can still be found; or,
    when the error is the database being unreachable, the 503 page.
    """
    if is_database_outage(sys.exc_info()[1]):
        logger.error("The database is unreachable; answering 503 (traceback logged above)")
        if request.method == "POST" and request.path.startswith("/admin/"):
            return changes_not_saved(request)
        return database_unavailable(request)
    template = loader.get_template("500.html")
    context = {"clinic_settings": clinic_settings_for_error_page(request)}
    return HttpResponseServerError(template.render(context))


def signed_out_for_a_while(request, credentials, *args, **kwargs):
    """django-axes: too many wrong passwords for this account from this address."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    template = loader.get_template("clinic/admin/locked_out.html")
    response = HttpResponse(template.render({"minutes": minutes}, request), status=429)
    response["Retry-After"] = str(minutes * 60)
    return response
