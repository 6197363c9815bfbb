"""
WSGI entry point. Production servers set DJANGO_SETTINGS_MODULE=clinic.settings.production.
Cached pages are answered before Django builds a request (clinic.caching.page_cache.PageCacheApp);
every request is logged with its request id (clinic.operations.request_log).
"""

import os

from django.core.wsgi import get_wsgi_application


os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic.settings.production")

django_application = get_wsgi_application()

from django.conf import settings  # noqa: E402

from clinic.caching.page_cache import PageCacheApp  # noqa: E402 (needs the settings loaded)
from clinic.operations.request_log import RequestLogApp  # noqa: E402


application = PageCacheApp(django_application)
if settings.REQUEST_LOG:
    # One line per request, cached pages included (runserver in development logs its own).
    application = RequestLogApp(application)
