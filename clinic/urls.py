from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from clinic import views
from clinic.operations import documents, media
from clinic.operations.health import health
from clinic.seo.sitemap import MultilingualSitemap


urlpatterns = [
    # For load balancers and monitoring: 200 or 503 with a short JSON body, never cached.
    path("healthz/", health, name="health"),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": MultilingualSitemap}},
        name="sitemap",
    ),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's own download view, but an old file name leads to the document's file today.
    re_path(r"^documents/(\d+)/(.*)$", documents.serve, name="wagtaildocs_serve"),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.SERVE_MEDIA_FILES:
    # Image renditions for everyone, originals for staff, documents never (clinic.operations.media).
    urlpatterns += [
        re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$", media.serve_media),
    ]

# What patients read, in English at / and in Spanish under /es/ (clinic.i18n).
urlpatterns += i18n_patterns(
    # Each feature app's own addresses, named by string so the core imports nothing above it.
    path("search/", include("site_search.urls")),
    path("appointments/", include("appointments.urls")),
    # Everything else is a page of the site, found by Wagtail.
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler400 = "clinic.views.bad_request"
handler500 = "clinic.views.server_error"
