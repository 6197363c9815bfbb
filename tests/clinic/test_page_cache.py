"""
The page cache: patients' second visits come from the cache without a database query; any
change to content shows at once; staff, forms and messages never come from it.
"""

import gzip
from wsgiref.util import setup_testing_defaults

import pytest

from django.core import signals
from django.db import close_old_connections
from django.test import override_settings
from django.urls import reverse

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction

from clinic.caching.page_cache import current_version
from clinic.models import BodyRegion, ClinicSettings
from home.roles import EDITORS, SITE_ADMINS
from locations.models import LocationPage
from procedures.models import ProcedurePage
from tests.accounts import make_user, sign_in
from tests.caches import redis_caches
from tests.pages import PAGES


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]

PROCEDURE = PAGES["procedure"]


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE = True


def visit(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def test_a_second_visit_comes_from_the_cache_without_a_query(client, django_assert_num_queries):
    for name, url in PAGES.items():
        if name.endswith("appointment request"):
            continue
        first = visit(client, url)
        assert first["X-Page-Cache"] == "miss", name
        with django_assert_num_queries(0):
            second = visit(client, url)
        assert second["X-Page-Cache"] == "hit", name
        assert second.content == first.content
        # The headers every page needs come back with it.
        for header in ("Content-Security-Policy", "Permissions-Policy", "X-Frame-Options"):
            assert second[header] == first[header], (name, header)
        kept = 60 if name.startswith("location") else 300  # "Open now" changes with the clock
        assert second["Cache-Control"] == f"public, max-age=0, s-maxage={kept}"


def test_search_results_and_suggestions_are_cached_by_their_query(client):
    assert visit(client, "/search/?q=injection")["X-Page-Cache"] == "miss"
    assert visit(client, "/search/?q=injection")["X-Page-Cache"] == "hit"
    other = visit(client, "/search/?q=neck")
    assert other["X-Page-Cache"] == "miss"
    assert "neck" in other.content.decode().lower()


def test_publishing_a_page_shows_at_once(client, django_capture_on_commit_callbacks):
    visit(client, PROCEDURE)
    page = ProcedurePage.objects.get(url_path__endswith="/sacroiliac-joint-injection/")
    page.summary = "A newly written summary for the page cache test."
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    fresh = visit(client, PROCEDURE)
    assert fresh["X-Page-Cache"] == "miss"
    assert "A newly written summary for the page cache test." in fresh.content.decode()
    # Every other page goes too (any of them could list it), then is cached again.
    assert visit(client, "/procedures/")["X-Page-Cache"] == "miss"
    assert visit(client, "/procedures/")["X-Page-Cache"] == "hit"


def test_editing_in_the_admin_makes_cached_pages_fresh(client, django_capture_on_commit_callbacks):
    visit(client, "/procedures/")
    # Site admins keep the lists.
    staff = sign_in(client.__class__(), make_user("sa", SITE_ADMINS))
    region = BodyRegion.objects.get(slug="arms-and-legs")
    url = reverse("wagtailsnippets_clinic_bodyregion:edit", args=[region.pk])
    data = {"name": "Arms, hands and legs", "slug": region.slug, "description": region.description}
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == reverse("wagtailsnippets_clinic_bodyregion:list")
    fresh = visit(client, "/procedures/")
    assert fresh["X-Page-Cache"] == "miss"
    assert "Arms, hands and legs" in fresh.content.decode()


@pytest.mark.parametrize(
    "change",
    ["unpublish", "move", "delete", "clinic details", "location hours", "redirect"],
)
def test_every_kind_of_change_makes_the_cache_stale(
    client, change, django_capture_on_commit_callbacks
):
    visit(client, "/")
    before = current_version()
    with django_capture_on_commit_callbacks(execute=True):
        if change == "unpublish":
            Page.objects.get(url_path__endswith="/about/care-team/").unpublish()
        elif change == "move":
            care_team = Page.objects.get(url_path__endswith="/about/care-team/")
            care_team.move(Page.objects.get(depth=2, locale__language_code="en"), pos="last-child")
        elif change == "delete":
            Page.objects.get(url_path__endswith="/about/care-team/").delete()
        elif change == "clinic details":
            clinic = ClinicSettings.objects.get()
            clinic.phone = "(312) 555-0111"
            clinic.save()
        elif change == "location hours":
            LocationPage.objects.first().hours.first().save()
        elif change == "redirect":
            Redirect.objects.create(old_path="/old-address", redirect_link="/procedures/")
    assert current_version() != before
    assert visit(client, "/")["X-Page-Cache"] == "miss"


def test_a_patients_request_leaves_the_cache_alone(client, django_capture_on_commit_callbacks):
    visit(client, "/")
    before = current_version()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/appointments/request/",
            {
                "name": "Pat Example",
                "phone": "(312) 555-0190",
                "patient_type": "new",
                "preferred_days": ["tue"],
                "preferred_times": ["morning"],
                "consent": "on",
            },
        )
    assert response.status_code == 302
    assert current_version() == before


def test_signed_in_staff_never_get_a_cached_page(client):
    visit(client, PROCEDURE)
    visit(client, PROCEDURE)
    staff = sign_in(client.__class__(), make_user("ed", EDITORS))
    response = visit(staff, PROCEDURE)
    assert "X-Page-Cache" not in response
    assert "Cache-Control" not in response or "public" not in response["Cache-Control"]
    assert b"wagtail-userbar" in response.content  # their page has the user bar
    assert b"wagtail-userbar" not in visit(client, PROCEDURE).content
    # Nor is their page kept for patients.
    assert visit(client, PROCEDURE)["X-Page-Cache"] == "hit"


def test_forms_and_messages_are_never_cached(client):
    for _ in range(2):
        form = client.get("/appointments/request/")
        assert "X-Page-Cache" not in form
        assert "no-store" in form["Cache-Control"]
    # A visitor with a message waiting gets the page built for them.
    client.cookies["messages"] = "anything"
    assert "X-Page-Cache" not in visit(client, "/")


def test_pages_with_the_time_of_day_are_kept_a_minute(client):
    response = visit(client, PAGES["location"])
    assert response["Cache-Control"] == "public, max-age=0, s-maxage=60"
    assert visit(client, PAGES["location index"])["Cache-Control"].endswith("s-maxage=60")


def test_page_cache_off(client, settings):
    settings.PAGE_CACHE = False
    visit(client, PROCEDURE)
    response = visit(client, PROCEDURE)
    assert "X-Page-Cache" not in response
    assert response["Cache-Control"] == "public, max-age=0, s-maxage=300"  # a CDN may still


@override_settings(CACHES=redis_caches("redis://127.0.0.1:9/0"))  # nothing listens on port 9
def test_with_the_cache_down_each_process_serves_its_own_copies(
    client, django_assert_num_queries, django_capture_on_commit_callbacks
):
    first = visit(client, PROCEDURE)
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        assert visit(client, PROCEDURE)["X-Page-Cache"] == "hit"
    # A change made while the cache is down is not lost: the version is in the database.
    page = ProcedurePage.objects.get(url_path__endswith="/sacroiliac-joint-injection/")
    page.summary = "Written while the cache was down."
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    fresh = visit(client, PROCEDURE)
    assert fresh["X-Page-Cache"] == "miss"
    assert "Written while the cache was down." in fresh.content.decode()


def test_a_proxy_in_front_is_told_to_purge_a_published_page_and_every_other(
    settings, purge_listener, django_capture_on_commit_callbacks
):
    """The backend the settings name for FRONTEND_CACHE_PURGE_URL, and the site-wide purge."""
    address, received = purge_listener
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {"BACKEND": "clinic.caching.frontend_cache.TimedHTTPBackend", "LOCATION": address}
    }
    page = ProcedurePage.objects.get(url_path__endswith="/sacroiliac-joint-injection/")
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
        assert (PROCEDURE, "localhost") in received  # the page itself, as Wagtail publishes it
        assert ("/", "localhost") not in received  # the rest waits for the commit...
    assert received.count(("/", "localhost")) == 1  # ...then every page of the host, once


def test_a_page_made_private_is_private_at_once(client):
    """The restrictions Wagtail checks on every view come from the content cache too."""
    url = PAGES["standard subpage"]
    visit(client, url)
    visit(client, url)
    page = Page.objects.get(url_path__endswith="/about/care-team/")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/_util/login/")
    assert "X-Page-Cache" not in response


def test_the_content_cache_works_with_the_page_cache_off(
    client, settings, django_assert_num_queries
):
    """
    Staff and first views still skip routing, the page's lists and its body: the standard
    page and a procedure page (related pages, physicians, news, figures) with no query.
    """
    settings.PAGE_CACHE = False
    for name in ("standard page", "procedure"):
        first = visit(client, PAGES[name])
        with django_assert_num_queries(0):
            assert visit(client, PAGES[name]).content == first.content


def wsgi_get(path, **environ):
    """The site through its WSGI entry point, as gunicorn calls it."""
    # Imported here: building the WSGI application loads every middleware; only these tests need it.
    from clinic.wsgi import application

    environ = {"PATH_INFO": path, **environ}
    setup_testing_defaults(environ)
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer.update(status=status, headers=dict(headers))

    # As Django's test client does: the test's database connection stays open (it holds the
    # test's transaction), where a real server would close it after each request.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        body = b"".join(application(environ, start_response))
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)
    return answer["status"], answer["headers"], body


def test_the_wsgi_entry_answers_cached_pages_before_django(django_assert_num_queries):
    status, headers, first = wsgi_get(PROCEDURE)
    assert status.startswith("200") and headers["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        status, headers, second = wsgi_get(PROCEDURE)
    assert status == "200 OK" and headers["X-Page-Cache"] == "hit"
    assert second == first and headers["Content-Length"] == str(len(first))
    assert "Content-Security-Policy" in headers and "Permissions-Policy" in headers
    # Gzipped for browsers that accept it: about a quarter of the size.
    _, zipped_headers, zipped = wsgi_get(PROCEDURE, HTTP_ACCEPT_ENCODING="gzip, br")
    assert zipped_headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped_headers["Vary"]
    assert gzip.decompress(zipped) == first and len(zipped) < len(first) / 3
    # A HEAD has the headers and no body.
    _, head_headers, nothing = wsgi_get(PROCEDURE, REQUEST_METHOD="HEAD")
    assert nothing == b"" and head_headers["X-Page-Cache"] == "hit"
    # Staff (a session cookie) and a POST go to Django.
    _, staff_headers, _ = wsgi_get(PROCEDURE, HTTP_COOKIE="sessionid=abc")
    assert "X-Page-Cache" not in staff_headers


def test_pages_are_sent_without_the_templates_indentation(client):
    html = visit(client, "/procedures/").content
    assert b"\n " not in html and b"\n\n" not in html
    assert len(html) < 36_000  # 42,600 bytes with the indentation
    assert b"<h1>Procedures</h1>" in html
