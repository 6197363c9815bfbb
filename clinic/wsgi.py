"""
WSGI entry point. Production servers set DJANGO_SETTINGS_MODULE=clinic.settings.production.
Cached pages are answered before Django builds a request (clinic.page_cache.PageCacheApp).
"""

import os

from django.core.wsgi import get_wsgi_application


os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic.settings.production")

django_application = get_wsgi_application()

from clinic.page_cache import PageCacheApp  # noqa: E402 (needs the settings loaded)


application = PageCacheApp(django_application)
