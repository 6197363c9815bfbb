"""
The bare framework for `make bench`: Django 6.1 with no database, no middleware and no app,
served by gunicorn like the site, answering two pages of about 20 KB:

- /constant/: an HttpResponse of a prebuilt string (what a cached page can at best be);
- /template/: a 20 KB template rendered on each request (the template ceiling an uncached
  page is compared with).

Run: gunicorn --chdir scripts bench_bare:application
"""

from django.conf import settings


PARAGRAPH = (
    "Interventional pain care treats the source of pain with precise, image-guided "
    "procedures, so that patients can move, work and sleep again. "
)
ROWS = [{"title": f"Section {number}", "text": PARAGRAPH * 2} for number in range(64)]
TEMPLATE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title></head>
<body><main><h1>{{ title }}</h1>
{% for row in rows %}<section><h2>{{ row.title }}</h2><p>{{ row.text }}</p></section>
{% endfor %}</main></body></html>"""

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-only",  # noqa: S106
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
    TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates"}],
)

import django  # noqa: E402


django.setup()

from django.http import HttpResponse  # noqa: E402
from django.template import engines  # noqa: E402
from django.urls import path  # noqa: E402


template = engines["django"].from_string(TEMPLATE)
CONSTANT = template.render({"title": "A constant page", "rows": ROWS}).encode()


def constant(request):
    return HttpResponse(CONSTANT)


def rendered(request):
    return HttpResponse(template.render({"title": "A rendered page", "rows": ROWS}))


urlpatterns = [path("constant/", constant), path("template/", rendered)]

from django.core.wsgi import get_wsgi_application  # noqa: E402


application = get_wsgi_application()
