from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from clinic import views
from clinic.health import health


urlpatterns = [
    # For load balancers and monitoring: 200 or 503 with a short JSON body, never cached.
    path("healthz/", health, name="health"),
    # Each feature app's own addresses, named by string so the core imports nothing above it.
    path("search/", include("site_search.urls")),
    path("appointments/", include("appointments.urls")),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.SERVE_MEDIA_FILES:
    # Uploaded images in development and tests.
    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += [
    # Everything else is a page of the site, found by Wagtail.
    path("", include(wagtail_urls)),
]

handler500 = "clinic.views.server_error"
