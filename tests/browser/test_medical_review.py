"""
A medical reviewer approves a procedure from the page editor's footer, in Chromium, on a slow
connection: the approval reaches the server once and the page goes live, with its review.
"""

import logging
import re

import pytest
from playwright.sync_api import expect

from django.urls import reverse

from medical_review.models import MedicalReview
from tests.medical_review.test_workflow import submit_new_procedure


pytestmark = pytest.mark.django_db(transaction=True)  # the live server sees committed data

# Set before the admin's scripts run: the editor has read the form and watches for edits (after
# two seconds, as a reviewer reads the page; Wagtail's autosave only starts from there).
WATCH_FOR_THE_EDITOR = """
document.addEventListener("w-unsaved:watch-edits", () => { window.editorWatching = true; });
"""
# A slow connection: the answer to the approval takes longer than autosave waits (1.5 s).
SLOW = {"offline": False, "latency": 2500, "downloadThroughput": -1, "uploadThroughput": -1}
FAST = {**SLOW, "latency": 0}


@pytest.fixture
def procedure_in_review(site_url, client, editor, reviewer):
    """A new procedure the editor submitted to the Medical review workflow."""
    return submit_new_procedure(client, editor)


@pytest.mark.parametrize(
    "action, comment",
    [("Approve and Publish", None), ("Approve with comment and Publish", "Clear and correct.")],
)
def test_a_reviewer_approves_from_the_footer_and_the_page_goes_live_once(
    page, site_url, procedure_in_review, action, comment, caplog
):
    procedure = procedure_in_review
    edit_path = reverse("wagtailadmin_pages:edit", args=[procedure.pk])
    posts, failures = [], []

    def count_the_approvals(request):
        if request.method == "POST" and request.url == site_url + edit_path:
            posts.append(request)

    def note_failures(response):
        if response.status >= 500:
            failures.append(response.url)

    page.on("request", count_the_approvals)
    page.on("response", note_failures)
    page.add_init_script(WATCH_FOR_THE_EDITOR)

    page.goto(site_url + "/admin/login/")
    page.get_by_label("Username").fill("rev")
    page.get_by_label("Password").fill("a-long-password")
    page.get_by_role("button", name="Sign in").click()
    awaiting = page.locator("section", has=page.get_by_role("heading", name="Awaiting your review"))
    awaiting.get_by_role("link", name="Genicular nerve block").click()
    expect(page).to_have_url(re.compile(re.escape(edit_path) + "$"))
    page.wait_for_function("() => window.editorWatching === true")

    devtools = page.context.new_cdp_session(page)
    devtools.send("Network.enable")
    devtools.send("Network.emulateNetworkConditions", SLOW)
    page.locator("footer").get_by_role("button", name="More actions").click()
    with page.expect_response(lambda r: r.request.method == "POST" and edit_path in r.url):
        page.get_by_role("button", name=action, exact=True).click()
        if comment:
            dialog = page.get_by_role("dialog")
            dialog.get_by_label("Comment").fill(comment)
            dialog.get_by_role("button", name="Approve with comment").click()
    devtools.send("Network.emulateNetworkConditions", FAST)
    expect(
        page.get_by_text("You approved “Genicular nerve block” and it is published")
    ).to_be_visible()

    assert len(posts) == 1, [post.headers.get("accept") for post in posts]
    assert failures == []
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text

    procedure.refresh_from_db()
    assert procedure.live
    assert MedicalReview.objects.filter(page_id=procedure.pk).count() == 1
    public = page.goto(site_url + "/procedures/genicular-nerve-block/")
    assert public.status == 200
    expect(page.locator(".review-line")).to_contain_text(
        "Medically reviewed by Robin Reviewer, M.D."
    )
