"""
The page explorer reads each row's buttons with its pages (explorer.views); staff get the same
buttons as Wagtail and wagtail-localize give (its query budget: tests/site/
test_admin_query_budget.py).
"""

import re

import pytest
from bs4 import BeautifulSoup

from django.template import RequestContext, Template
from django.test import RequestFactory
from django.urls import reverse

from wagtail.models import Page

from procedures.models import ProcedureIndexPage
from tests.accounts import sign_in
from tests.admin_content import add_procedures, submit_for_review


pytestmark = pytest.mark.django_db

WAGTAILS_BUTTONS = Template(
    "{% load wagtailadmin_tags %}{% page_listing_buttons page request.user next_url=next_url %}"
)


def rows(client, parent):
    """{page id: (its buttons' HTML, their labels)} of the explorer's screen of `parent`."""
    response = client.get(reverse("wagtailadmin_explore", args=[parent.pk]))
    assert response.status_code == 200
    found = {}
    for cell in BeautifulSoup(response.content, "html.parser").select(
        "td[data-listing-page-title]"
    ):
        page_id = int(re.search(r"page_(\d+)_title", str(cell)).group(1))
        actions = cell.select_one("ul.actions")
        found[page_id] = (normal(actions.decode_contents()), labels(actions))
    return found


def labels(html):
    return {item.get_text(" ", strip=True) for item in html.select("a, button")}


def normal(html):
    """Without what differs between two renderings of the same buttons (generated ids)."""
    html = re.sub(r'\s(id|aria-labelledby|aria-controls)="[^"]*"', "", html)
    return re.sub(r"\s+", " ", html).strip()


def wagtails_own(page_id, user, parent):
    url = reverse("wagtailadmin_explore", args=[parent.pk])
    request = RequestFactory().get(url)
    request.user = user
    page = Page.objects.get(pk=page_id).specific
    html = WAGTAILS_BUTTONS.render(RequestContext(request, {"page": page, "next_url": url}))
    return normal(BeautifulSoup(html, "html.parser").decode_contents())


def test_each_row_offers_the_buttons_wagtail_and_wagtail_localize_give(
    client, editor, reviewer, site_admin
):
    draft = add_procedures(1, prefix="Draft procedure")[0]
    draft.unpublish()
    in_review = add_procedures(1, prefix="Procedure in review")[0]
    submit_for_review([in_review], editor)
    english = ProcedureIndexPage.objects.get(locale__language_code="en")
    spanish = ProcedureIndexPage.objects.get(locale__language_code="es")

    offered = {}
    for user in (editor, reviewer, site_admin):
        sign_in(client, user)
        for parent in (english, spanish):
            for page_id, (buttons, names) in rows(client, parent).items():
                assert buttons == wagtails_own(page_id, user, parent)
                offered[user.username, page_id] = names

    # What the editor is offered: a draft may be deleted (nothing of it is live), a live page
    # may not; an English page translated into Spanish has its translations to sync.
    assert "Delete" in offered[editor.username, draft.pk]
    assert "Delete" not in offered[editor.username, in_review.pk]
    assert "Translate this page" in offered[editor.username, draft.pk]
    assert any("Sync translated pages" in names for names in offered.values())
    # A page in review is the reviewer's to open in the editor (the task's lock lets them in).
    assert "Edit" in offered[reviewer.username, in_review.pk]
