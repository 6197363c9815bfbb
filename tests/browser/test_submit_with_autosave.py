"""
An editor submits a page for medical review at the moment the editor's autosave sends its own
save, in Chromium, on the embedded database (SQLite) as on PostgreSQL: the two requests reach
the server together, and the page ends in review with the editor told so, never lost silently.
"""

import re

import pytest
from playwright.sync_api import expect

from django.urls import reverse

from procedures.models import ProcedurePage


pytestmark = pytest.mark.django_db(transaction=True)  # the live server sees committed data

WATCH_FOR_THE_EDITOR = """
document.addEventListener("w-unsaved:watch-edits", () => { window.editorWatching = true; });
"""


def test_a_submit_sent_with_an_autosave_ends_in_review(page, site_url, editor):
    procedure = ProcedurePage.objects.get(
        slug="sacroiliac-joint-injection", locale__language_code="en"
    )
    edit_url = site_url + reverse("wagtailadmin_pages:edit", args=[procedure.pk])
    held, sent_together = [], []

    def hold_autosave_until_the_submit(route, request):
        if request.method != "POST":
            return route.continue_()
        if "text/html" not in (request.headers.get("accept") or ""):
            held.append(route)  # the autosave: it waits for the submit
            return None
        # The submit: both go to the server at once.
        sent_together.extend(["autosave"] * len(held) + ["submit"])
        for autosave in held:
            autosave.continue_()
        return route.continue_()

    page.add_init_script(WATCH_FOR_THE_EDITOR)
    page.goto(site_url + "/admin/login/")
    page.get_by_label("Username").fill("ed")
    page.get_by_label("Password").fill("a-long-password")
    page.get_by_role("button", name="Sign in").click()
    page.goto(edit_url)
    page.wait_for_function("() => window.editorWatching === true")
    page.route(re.compile(re.escape(edit_url) + "$"), hold_autosave_until_the_submit)

    summary = page.get_by_role("textbox", name="Summary")
    with page.expect_request(lambda r: r.method == "POST" and r.url == edit_url):
        summary.press("Control+End")
        summary.press_sequentially(" Ask us which joint is the source.", delay=20)
    while not held:  # the route's handler runs while Playwright waits for the page
        page.wait_for_timeout(20)
    page.locator("footer").get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to Medical review").click()

    expect(page.get_by_text("Sacroiliac joint injection' has been submitted")).to_be_visible()
    assert sent_together == ["autosave", "submit"]
    procedure.refresh_from_db()
    assert procedure.workflow_in_progress
    assert "Ask us which joint is the source." in procedure.get_latest_revision_as_object().summary
