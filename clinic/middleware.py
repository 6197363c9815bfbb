import re
import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse, HttpResponseNotAllowed, HttpResponseNotFound
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.utils.csp import CSP
from django.views.decorators.csp import csp_override

from clinic.i18n import language_of_path
from clinic.operations.rate_limit import RateLimit


# Methods no page answers: TRACE would echo a request (cookies included) back to a script.
PASSWORD_RESETS = RateLimit("password-reset", "PASSWORD_RESET_RATE_LIMIT")

REFUSED_METHODS = {"TRACE", "TRACK", "CONNECT"}
ALLOWED_METHODS = ["GET", "HEAD", "POST", "OPTIONS"]


# Wagtail's editor sets inline styles and loads previews in frames of its own origin. Scripts
# keep 'unsafe-inline' (the public site has no inline script at all): Wagtail 8's own templates
# still write inline <script> blocks that carry no nonce, and the editing screens need them:
# InlinePanel and MultipleChooserPanel (every page with a repeating field), the date and time
# pickers, search promotions, and wagtail-localize's translation editor. A nonce-only policy
# would take copies of those templates, which the next Wagtail release would leave behind.
ADMIN_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:", *settings.MEDIA_ORIGINS],
    "font-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "frame-src": [CSP.SELF, *settings.SECURE_CSP.get("frame-src", [])],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
}


# The public addresses that take a form (everything else public is read only).
POSTED_TO = {
    "appointment_request",
    "wagtailcore_authenticate_with_password",
    "wagtaildocs_authenticate_with_password",
}


def options_response(request):
    """OPTIONS on a public address: the methods it accepts, nothing more."""
    try:
        with translation.override(language_of_path(request.path_info)):  # /es/ addresses too
            match = resolve(request.path_info)
    except Resolver404:
        return HttpResponseNotFound()
    methods = ["GET", "HEAD", *(["POST"] if match.url_name in POSTED_TO else []), "OPTIONS"]
    response = HttpResponse(status=200)
    response["Allow"] = ", ".join(methods)
    response["Content-Length"] = "0"
    return response


class SecurityHeadersMiddleware:
    """405 for TRACE and the like; honest OPTIONS (Permissions-Policy: django-permissions-policy)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in REFUSED_METHODS:
            response = HttpResponseNotAllowed(ALLOWED_METHODS)
        elif request.method == "OPTIONS" and not request.path.startswith("/admin/"):
            response = options_response(request)
        else:
            response = self.get_response(request)
        return response


class AdminContentSecurityPolicyMiddleware:
    """Give the Wagtail admin the looser policy it needs; the public site keeps SECURE_CSP."""

    def __init__(self, get_response):
        self.get_response = get_response
        # Django's own way to give a view another policy, around the rest of the chain.
        self.admin_response = csp_override(ADMIN_CSP)(get_response)

    def __call__(self, request):
        if request.path.startswith("/admin/"):
            return self.admin_response(request)
        return self.get_response(request)


class StaffSessionMiddleware:
    """
    A staff session in the admin ends after STAFF_IDLE_TIMEOUT without a request, and
    STAFF_SESSION_LIMIT after signing in, whatever happens: the next admin page asks to sign
    in again. Password-reset requests are limited per address (PASSWORD_RESET_RATE_LIMIT), so
    nobody can flood a member of staff with reset e-mails.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/admin/"):
            resetting = request.method == "POST" and request.path == reverse(
                "wagtailadmin_password_reset"
            )
            if resetting and self.too_many_resets(request):
                return HttpResponse(
                    "Too many password reset requests from your connection. Please wait an "
                    "hour, or ask a site admin to reset your password.",
                    status=429,
                    content_type="text/plain; charset=utf-8",
                )
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated:
                if self.session_has_ended(request):
                    logout(request)
                    messages.info(request, "You were signed out to keep patients' details safe.")
                    return redirect_to_login(
                        request.get_full_path(), login_url=reverse("wagtailadmin_login")
                    )
                request.session["last_seen"] = time.time()
        return self.get_response(request)

    @staticmethod
    def session_has_ended(request):
        now = time.time()
        started = request.session.get("signed_in_at", now)
        last_seen = request.session.get("last_seen", now)
        return (
            now - last_seen > settings.STAFF_IDLE_TIMEOUT.total_seconds()
            or now - started > settings.STAFF_SESSION_LIMIT.total_seconds()
        )

    @staticmethod
    def too_many_resets(request):
        return PASSWORD_RESETS.exceeded(request)


# A run of white space that starts a line: the indentation templates leave between tags.
INDENTATION = re.compile(rb"\n[ \t\r\n]+")


class CompactHtmlMiddleware:
    """
    Public pages without the templates' indentation. A browser shows any run of white space
    between tags as one space, so a line break keeps the page as it was; pages with <pre> or
    <textarea>, where white space shows, and the admin are left alone.

    Measured on the demo (December 2026), before -> after, HTML and gzip level 6 as sent:
    home 25,424 -> 23,092 B (6,447 -> 6,209 gzipped), a procedure 25,179 -> 22,684 B
    (6,761 -> 6,469), /procedures/ 35,150 -> 31,686 B (5,738 -> 5,502): a tenth of the HTML
    a phone parses, 240-290 B (4%) of what is sent. Cost: 75-140 us per page rendered (about
    1% of a 9-12 ms render), of which gzip gets 40-90 us back on the shorter text, and nothing
    per cached page: it runs below the page cache, which keeps the compacted and gzipped
    copies. Kept: the saving is small, but the cost is smaller still.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.path.startswith("/admin/")
            or response.streaming
            or not response.get("Content-Type", "").startswith("text/html")
            or response.has_header("Content-Encoding")
        ):
            return response
        content = response.content
        if b"<pre" in content or b"<textarea" in content:
            return response
        response.content = INDENTATION.sub(b"\n", content)
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        return response
