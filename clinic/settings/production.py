"""
Production. Refuses to start without SECRET_KEY and ALLOWED_HOSTS from the environment, and
turns on every protection `manage.py check --deploy` asks for (the site is served over HTTPS).
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *


_missing = [
    name for name in ("SECRET_KEY", "ALLOWED_HOSTS") if not os.environ.get(name, "").strip()
]
if _missing:
    raise ImproperlyConfigured(
        f"Production settings need {' and '.join(_missing)} in the environment "
        "(ALLOWED_HOSTS is a comma-separated list of host names)."
    )

DEBUG = False
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
# Behind a proxy that terminates TLS and sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
