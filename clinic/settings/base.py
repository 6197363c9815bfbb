"""
Settings shared by every environment. Safe for production on their own: DEBUG is off,
nothing secret is defined here, and every host or credential comes from the environment.
`dev` and `test` relax what they need; `production` insists on what it needs.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

from django.utils.csp import CSP

from clinic.settings.caching import *  # the caches and the page cache
from clinic.settings.database import POSTGRESQL, database_from_environment, query_deadline
from clinic.settings.logs import *  # logs for operators
from clinic.settings.mail import *  # e-mail and background tasks
from clinic.settings.media import s3_media
from clinic.settings.security import *  # staff sign-in and security headers


PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_list(name, default=""):
    """A comma-separated environment variable as a list, ignoring blanks."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
# The public address, e.g. https://clinic.example: written into the Wagtail site after every
# `migrate` (clinic.operations.site_address), so absolute links need no hand edit, and the default for the
# allowed host, the trusted origin and the admin's base URL. Without it, the first request from
# an allowed host gives the placeholder site its address.
SITE_URL = os.environ.get("SITE_URL", "").strip().rstrip("/")
SITE_ADDRESS_FROM_REQUEST = True
_site = urlsplit(SITE_URL) if SITE_URL else None
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS") or ([_site.hostname] if _site and _site.hostname else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS") or ([SITE_URL] if SITE_URL else [])

INSTALLED_APPS = [
    # The site's apps, top layer first (docs/architecture.md).
    "home",
    "demo",
    "appointments",
    "site_search",
    "medical_review",
    "translating",
    "explorer",
    "news",
    "second_factor",
    "physicians",
    "procedures",
    "conditions",
    "locations",
    "first_visit",
    "clinic",
    # Translation of pages and snippets in the admin (the Spanish site under /es/).
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "home.users_app.StaffAccountsConfig",  # wagtail.users, with home.staff_accounts
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # HTML compressed for clients that accept it (when no proxy in front does it).
    "django.middleware.gzip.GZipMiddleware",
    # Whole public pages for anonymous visitors, kept with the headers the middleware below
    # adds (clinic.caching.page_cache; clinic.wsgi answers them before Django).
    "clinic.caching.page_cache.PageCacheMiddleware",
    # Pages without the templates' indentation, cached that way.
    "clinic.middleware.CompactHtmlMiddleware",
    # Permissions-Policy (settings.PERMISSIONS_POLICY) on every response, the 405s below too.
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "clinic.middleware.SecurityHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Without SITE_URL, the first request gives the placeholder Wagtail site its address.
    "clinic.operations.site_address.SiteAddressMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # English, or Spanish under /es/: the address alone decides (clinic.i18n).
    "clinic.i18n.PathLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Knows whether this session passed the second step (request.user.is_verified()).
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "clinic.middleware.AdminContentSecurityPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # The site and page an address leads to, from the cache (clinic.caching.content_cache).
    "clinic.caching.content_cache.RouteCacheMiddleware",
    "clinic.middleware.StaffSessionMiddleware",
    # No cell of a CSV export starts a formula in a spreadsheet (clinic.operations.exports).
    "clinic.operations.exports.FormulaSafeCsvMiddleware",
    # Wrong page and document privacy passwords are counted, and slowed (clinic.operations.privacy_passwords).
    "clinic.operations.privacy_passwords.PrivacyPasswordLimitMiddleware",
    "second_factor.middleware.SecondFactorMiddleware",
    # The front desk reaches the requests and its own account only (appointments.middleware).
    "appointments.middleware.FrontDeskOnlyMiddleware",
    # An upload the media bucket refuses gets a page that says so (clinic.operations.storage).
    "clinic.operations.storage.MediaStorageErrorMiddleware",
    # A change to a page in the admin waits for the one before it on the same page, in one
    # transaction, and a review action the page has moved past is refused (home.page_changes).
    "home.page_changes.OnePageChangeAtATimeMiddleware",
    # Last, as django-axes asks: it answers a locked-out sign-in.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "clinic.urls"
# A refused form (an expired page, a blocked cookie) gets the site's own page, with the phone.
CSRF_FAILURE_VIEW = "clinic.views.csrf_failure"
WSGI_APPLICATION = "clinic.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "clinic.context_processors.clinic",
                "first_visit.context_processors.before_a_visit",
            ],
        },
    },
]

# Database: an SQLite file unless DATABASE_URL names another (PostgreSQL in production and CI).
DATABASES = {"default": database_from_environment(os.environ, BASE_DIR)}  # .database
if DATABASES["default"]["ENGINE"] == POSTGRESQL:
    # PostgreSQL's full-text search for Wagtail's database search backend.
    INSTALLED_APPS.append("django.contrib.postgres")
# Seconds a query to PostgreSQL may go unanswered before its connection is cut (.database).
DATABASE_QUERY_DEADLINE = query_deadline(os.environ)

# English at / as always, Spanish under /es/ (clinic.urls). Pages are translated in the admin
# with wagtail-localize; the site's own words come from locale/<language>/LC_MESSAGES/django.po,
# compiled by `make install` (manage.py compile_translations).
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# A new translation starts as a draft, even of a live page: wagtail-localize would otherwise
# publish it at once, still in English and without the medical review it needs.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates in each language's own words and order (templates use date:"DATE_FORMAT").
FORMAT_MODULE_PATH = ["clinic.formats"]
TIME_ZONE = os.environ.get("CLINIC_TIME_ZONE", "America/New_York")
# The clinic's name and phone number for the page shown while the database is unreachable,
# which cannot read them from the clinic's settings. Set them in production.
CLINIC_NAME = os.environ.get("CLINIC_NAME", "Interventional Pain Management Clinic")
CLINIC_PHONE = os.environ.get("CLINIC_PHONE", "")

# Two-step verification (django-otp): after the password, a code from an authenticator app.
# Required of superusers and of every group that can read appointment requests
# (second_factor.devices.is_required_for); anyone else may turn it on. Development may turn the
# requirement off (clinic.settings.dev); production always requires it.
SECOND_FACTOR_REQUIRED = True
OTP_TOTP_ISSUER = CLINIC_NAME
# Passkeys (django-otp-webauthn), added beside the app once it is set up: the second step by
# fingerprint, face or security key. Never instead of the password. Scoped to the host name
# staff sign in on (browsers refuse IP addresses: use http://localhost:8000/ in development).
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
OTP_WEBAUTHN_RP_ID_CALLABLE = "second_factor.devices.passkey_domain"
OTP_WEBAUTHN_RP_NAME = CLINIC_NAME
OTP_WEBAUTHN_HELPER_CLASS = "second_factor.passkeys.PasskeyHelper"
# Where the browser may say a passkey was used: https:// on each of ALLOWED_HOSTS, and the
# address the admin is being used at (PasskeyHelper adds it; its host is in ALLOWED_HOSTS).
OTP_WEBAUTHN_ALLOWED_ORIGINS = [f"https://{host.lstrip('.')}" for host in ALLOWED_HOSTS]
USE_I18N = True
USE_TZ = True

# Static files: sources in static/, collected to staticfiles/, served by WhiteNoise.
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
# Production serves uploaded files from its web server or object storage, not from Django
# (SERVE_MEDIA_FILES=true lets Django serve them, e.g. for a local production-like audit).
SERVE_MEDIA_FILES = os.environ.get("SERVE_MEDIA_FILES", "false").lower() == "true"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Where uploaded images are shown from, besides this site (the Content Security Policy's img-src).
MEDIA_ORIGINS = []


if os.environ.get("MEDIA_S3_BUCKET"):
    STORAGES["default"], MEDIA_ORIGINS = s3_media(os.environ)  # clinic.settings.media
    # Documents stream through Django, which applies collection privacy on every download.
    WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Content Security Policy for the public site: our own scripts, styles and images only.
# Video embeds come from the two providers editors use. The admin gets its own policy
# (clinic.middleware) because Wagtail's editor needs inline styles.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", *MEDIA_ORIGINS],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-src": [
        "https://www.youtube-nocookie.com",
        "https://www.youtube.com",
        "https://player.vimeo.com",
    ],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    # 'self', not 'none': the admin shows a live preview of each page in a frame of its own.
    "frame-ancestors": [CSP.SELF],
}

# Complex page models can exceed Django's default limit of form fields in the page editor.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Online appointment requests: how long they are kept, and how many one address may send.
APPOINTMENT_RETENTION_DAYS = int(os.environ.get("APPOINTMENT_RETENTION_DAYS", "90"))
APPOINTMENT_RATE_LIMIT = (5, 60 * 60)  # requests per address, per this many seconds
# Searches and search-box suggestions one address may ask for a minute: far more than anyone
# types, so only a script meets the limit (site_search.views).
SEARCH_RATE_LIMIT = (int(os.environ.get("SEARCH_RATE_LIMIT_PER_MINUTE", "120")), 60)
SUGGEST_RATE_LIMIT = (int(os.environ.get("SUGGEST_RATE_LIMIT_PER_MINUTE", "600")), 60)
# How many proxies of the clinic's own (load balancer, CDN) sit in front of the site: the
# patient's address is then read from X-Forwarded-For (see clinic.operations.rate_limit). 0: none.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Wagtail
WAGTAIL_SITE_NAME = "Interventional Pain Management Clinic"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", SITE_URL or "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "site_search.backends"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "rtf", "txt", "xlsx"]
# The upload form says what size images pages accept (clinic.pages.images.check_image_size).
WAGTAILIMAGES_IMAGE_FORM_BASE = "clinic.pages.image_form.ImageForm"
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from Gravatar: the admin loads nothing from other sites (and its CSP says so).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The time zones staff may pick in their account: the US ones (the system list holds names,
# such as "localtime", that browsers reject).
WAGTAIL_USER_TIME_ZONES = sorted(
    {
        TIME_ZONE,
        "America/New_York",
        "America/Chicago",
        "America/Denver",
        "America/Phoenix",
        "America/Los_Angeles",
        "America/Anchorage",
        "Pacific/Honolulu",
        "UTC",
    }
)
# Approving a clinical page in its medical review records the review before publishing it.
WAGTAIL_FINISH_WORKFLOW_ACTION = "medical_review.workflow.publish_with_review_record"
