"""
Guessing a page's or a document collection's privacy password (Wagtail's "Privacy" setting) is
slowed down like staff sign-in: after PRIVACY_PASSWORD_RATE_LIMIT wrong tries from one address
at one restriction, or ten times as many from every address together, the password form answers
429 for the rest of the window, the right password included. A right password is not counted.
"""

from django.http import HttpResponse
from django.template import loader

from clinic.operations.rate_limit import RateLimit


PASSWORD_VIEWS = {
    "wagtailcore_authenticate_with_password",
    "wagtaildocs_authenticate_with_password",
}


class PerRestriction(RateLimit):
    """A RateLimit counted for one privacy restriction, from one address or from all."""

    def __init__(self, every_address=False):
        super().__init__("privacy-password", "PRIVACY_PASSWORD_RATE_LIMIT")
        self.every_address = every_address

    def limit(self):
        most, seconds = super().limit()
        return (most * 10, seconds) if self.every_address else (most, seconds)

    def key(self, request):
        kwargs = request.resolver_match.kwargs
        restriction = kwargs.get("page_view_restriction_id") or kwargs.get("restriction_id")
        if self.every_address:
            return f"{self.namespace}:all:{restriction}"
        return f"{super().key(request)}:{restriction}"


LIMITS = [PerRestriction(), PerRestriction(every_address=True)]


def is_password_try(request):
    match = request.resolver_match
    return request.method == "POST" and match is not None and match.url_name in PASSWORD_VIEWS


class PrivacyPasswordLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # Wagtail shows the form again (200) after a wrong password, and redirects after a right one.
        if is_password_try(request) and response.status_code == 200:
            for limit in LIMITS:
                limit.count(request)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if is_password_try(request) and any(limit.reached(request) for limit in LIMITS):
            _, seconds = LIMITS[0].limit()
            template = loader.get_template("clinic/too_many_passwords.html")
            response = HttpResponse(
                template.render({"minutes": seconds // 60}, request), status=429
            )
            response["Retry-After"] = str(seconds)
            return response
        return None
