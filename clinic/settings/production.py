"""
Production. Refuses to start without SECRET_KEY and ALLOWED_HOSTS from the environment, and
turns on every protection `manage.py check --deploy` asks for (the site is served over HTTPS).
"""

from django.core.exceptions import ImproperlyConfigured

from clinic.settings.base import *


# REDIS_URL: the cache every worker process shares. Without it each process would count
# appointment requests on its own (two workers would let through twice the limit) and clear its
# own copy of the menu. Django's database cache would do too, at the price of a database write
# for cache fills on page views; the stack names Redis, so production asks for it.
_missing = [
    name
    for name in ("SECRET_KEY", "ALLOWED_HOSTS", "REDIS_URL")
    if not os.environ.get(name, "").strip()
    and not (name == "ALLOWED_HOSTS" and SITE_URL)  # SITE_URL's host is allowed
]
if _missing:
    raise ImproperlyConfigured(
        f"Production settings need {', '.join(_missing)} in the environment "
        "(ALLOWED_HOSTS is a comma-separated list of host names, or SITE_URL gives the one; REDIS_URL is the shared cache, "
        "e.g. redis://127.0.0.1:6379/0)."
    )

DEBUG = False
# Health probes from a proxy on the same machine (deploy/varnish.vcl) ask for "localhost".
if "localhost" not in ALLOWED_HOSTS:
    ALLOWED_HOSTS = [*ALLOWED_HOSTS, "localhost"]
# One log line per request on stdout (REQUEST_LOG=false when a proxy in front logs them).
REQUEST_LOG = os.environ.get("REQUEST_LOG", "true").lower() == "true"
# Database connections stay open between requests (and are checked before reuse): one per
# gunicorn worker (per thread with --threads), plus the task worker. Size PostgreSQL's
# max_connections above workers × threads + 5. DATABASE_CONN_MAX_AGE=0 opens one per request.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DATABASE_CONN_MAX_AGE", "60"))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# Staff who can see patients' details always pass two-step verification here.
SECOND_FACTOR_REQUIRED = True
# Behind a proxy that terminates TLS and sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
# Load balancers probe the app servers over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
# `make serve` on this machine: plain HTTP on 127.0.0.1, no TLS proxy in front, so no redirect
# to https, no HSTS and cookies a browser sends over http. Never on a server others reach.
if os.environ.get("SERVE_OVER_HTTP", "").lower() == "true":
    SECURE_SSL_REDIRECT = False
    SECURE_HSTS_SECONDS = 0
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False

# Slow work (the front desk's e-mail notice) runs in a worker process, `manage.py db_worker`
# (django-tasks-db; see the README), never inside a patient's request: a mail server that
# hangs holds nobody. Development and tests keep the immediate backend from base.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
