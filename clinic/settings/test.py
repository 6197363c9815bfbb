"""The test suite: fast hashing, plain static storage, mail kept in memory."""

from clinic.settings.base import *


SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
# On SQLite, a test database in a file (one per pytest-xdist worker), not in memory: Django's
# live server shares an in-memory database's one connection between its threads, and requests
# a browser sends together then break each other. In a file, each thread has its own connection,
# as on a real server. Nothing here needs to survive a crash, so nothing waits for the disk.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    TEST_DATABASE_DIR = BASE_DIR / ".test-db"
    TEST_DATABASE_DIR.mkdir(exist_ok=True)
    DATABASES["default"]["TEST"] = {"NAME": str(TEST_DATABASE_DIR / "clinic.sqlite3")}
    DATABASES["default"]["OPTIONS"]["init_command"] = (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF"
    )
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "content": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "content",
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    },
}
# One folder per pytest-xdist worker: each worker clears and fills its own.
MEDIA_ROOT = BASE_DIR / ".test-media" / os.environ.get("PYTEST_XDIST_WORKER", "main")
WAGTAILADMIN_BASE_URL = "http://testserver"
# The test client's "testserver" must not become the site's address (tests/clinic/test_site_address.py
# turns it on).
SITE_ADDRESS_FROM_REQUEST = False
# Serve static files from static/ without collectstatic, as in development.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
SERVE_MEDIA_FILES = True
# The demo clinic's (fictional) number, for the page shown when the database is down.
CLINIC_PHONE = os.environ.get("CLINIC_PHONE", "(312) 555-0147")
OTP_WEBAUTHN_ALLOWED_ORIGINS = [f"https://{host}" for host in ALLOWED_HOSTS]
# Tests see each change at once; tests/clinic/test_page_cache.py turns the page cache on.
PAGE_CACHE = False
# A change made in the test's own process shows at once (it writes a new content version and
# this process reads it again), and each test starts by reading it again (tests/conftest.py):
# a test's query count does not depend on how long ago the version was read.
PAGE_CACHE_VERSION_SECONDS = 3600
