"""
Local development: a throwaway secret, mail printed to the console, static and media files
served by the development server. DEBUG is on unless DEBUG=false is set (`make run` sets it, so
a newcomer sees the site as patients do, with its own error pages).
"""

from clinic.settings.base import *


DEBUG = os.environ.get("DEBUG", "true").lower() in {"1", "true", "yes", "on"}
SERVE_MEDIA_FILES = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]", *ALLOWED_HOSTS]
INTERNAL_IPS = ["127.0.0.1"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
# Serve static files straight from static/ without collectstatic.
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# The demo clinic's (fictional) number, for the page shown when the database is down.
CLINIC_PHONE = os.environ.get("CLINIC_PHONE", "(312) 555-0147")
# The demo logins work with a password alone unless SECOND_FACTOR=required is set; anyone can
# still turn two-step verification on in Account › Two-step verification.
SECOND_FACTOR_REQUIRED = os.environ.get("SECOND_FACTOR", "").lower() == "required"
OTP_WEBAUTHN_ALLOWED_ORIGINS = [f"https://{host}" for host in ALLOWED_HOSTS]
