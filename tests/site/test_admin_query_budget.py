"""
The admin screens staff wait on do as much database work for a clinic with many more pages,
pages in review and appointment requests as for a small one (`make bench` times them).
"""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.roles import FRONT_DESK
from procedures.models import ProcedureIndexPage, ProcedurePage
from tests.accounts import make_user, sign_in
from tests.admin_content import add_procedures, add_requests, add_reviews, submit_for_review


pytestmark = pytest.mark.django_db

# Wagtail's explorer shows this many pages a screen.
EXPLORER_PAGE = 50


def view(client, url):
    """The queries of a second view of `url` (the first fills the caches), and its HTML."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_a_reviewers_dashboard_lists_more_pages_in_review_in_as_many_queries(
    client, reviewer, editor
):
    pages = add_procedures(8)
    add_reviews(pages)  # some overdue, some due soon: the "Medical review due" panel
    submit_for_review(pages[:2], editor)
    sign_in(client, reviewer)
    few, _ = view(client, "/admin/")

    submit_for_review(pages[2:], editor)
    many, dashboard = view(client, "/admin/")

    assert "Awaiting your review" in dashboard
    assert all(page.title in dashboard for page in pages)
    assert many == few


def test_an_editors_dashboard_takes_as_many_queries_with_more_of_their_pages_in_review(
    client, editor
):
    pages = add_procedures(8)
    add_reviews(pages)
    submit_for_review(pages[:2], editor)
    sign_in(client, editor)
    few, _ = view(client, "/admin/")

    submit_for_review(pages[2:], editor)
    many, dashboard = view(client, "/admin/")

    assert all(page.title in dashboard for page in pages)  # "Your pages in a workflow"
    assert many == few


def test_the_procedures_explorer_takes_as_many_queries_for_5_pages_as_for_50(client, editor):
    """
    Each row's buttons (may the page be deleted, moved, translated, its translations synced;
    its lock while in review) are read with the pages (explorer.views), not page by page.
    """
    index = ProcedureIndexPage.objects.get(locale__language_code="en")
    shown = ProcedurePage.objects.child_of(index).count()
    add_procedures(EXPLORER_PAGE - shown)
    # A to Z, these five come last: the second screen.
    last = add_procedures(5, prefix="Zygapophyseal procedure")
    submit_for_review(
        [ProcedurePage.objects.child_of(index).order_by("title").first(), last[0]], editor
    )
    sign_in(client, editor)
    url = f"/admin/pages/{index.pk}/?ordering=title"
    full, first_screen = view(client, url)
    few, second_screen = view(client, url + "&p=2")

    assert first_screen.count("data-listing-page-title") == EXPLORER_PAGE
    assert second_screen.count("data-listing-page-title") == 5
    assert "Zygapophyseal procedure 4" in second_screen
    assert few == full


def test_a_procedures_editor_takes_as_many_queries_with_more_procedures_to_pick_from(
    client, editor
):
    url = f"/admin/pages/{ProcedurePage.objects.get(slug='sacroiliac-joint-injection').pk}/edit/"
    sign_in(client, editor)
    few, _ = view(client, url)

    pages = add_procedures(12)
    add_reviews(pages)
    submit_for_review(pages[:3], editor)
    many, form = view(client, url)

    assert pages[-1].title in form  # one more procedure that may come first
    assert many == few


def test_the_front_desks_requests_take_as_many_queries_for_many_more_requests(client):
    add_requests(3)
    sign_in(client, make_user("desk", FRONT_DESK))
    url = "/admin/appointment-requests/"
    few, _ = view(client, url)

    add_requests(60)
    many, requests = view(client, url)

    assert requests.count("Patient ") == 25  # a screen of them
    assert many == few
