"""
An approval publishes a clinical page once, even when the reviewer's browser sends it twice:
a copy that arrives while the first is publishing the page, or after, changes nothing and fails
nothing, and autosave never approves.
"""

import threading

import pytest

from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse

from wagtail import hooks
from wagtail.models import PageLogEntry, WorkflowState
from wagtail.signals import workflow_approved

from medical_review.models import MedicalReview
from tests.accounts import sign_in
from tests.browser.conftest import restore_demo_clinic
from tests.editor import editor_form_data
from tests.medical_review.test_workflow import submit_new_procedure


# Two requests at once, each on its own database connection, see what the other committed.
pytestmark = pytest.mark.django_db(transaction=True)

# What the editor's footer adds to the edit form for "Approve and Publish".
APPROVE = {"action-workflow-action": "true", "workflow-action-name": "approve"}


@pytest.fixture
def demo_clinic():
    restore_demo_clinic()  # an earlier test of this kind may have emptied the database


@pytest.fixture
def approval(demo_clinic, client, editor, reviewer):
    """A procedure the editor submitted, and the reviewer's approval from its editor's footer."""
    page = submit_new_procedure(client, editor)
    sign_in(client, reviewer)
    data = {**editor_form_data(client, page), **APPROVE}
    return page, reverse("wagtailadmin_pages:edit", args=[page.pk]), data


def assert_published_once(page):
    page.refresh_from_db()
    assert page.live
    assert Client().get(page.url).status_code == 200
    assert MedicalReview.objects.filter(page_id=page.pk).count() == 1
    history = list(PageLogEntry.objects.filter(page=page).values_list("action", flat=True))
    assert history.count("wagtail.workflow.approve") == 1
    assert history.count("wagtail.publish") == 1
    approved = [m for m in mail.outbox if "has been approved" in m.subject]
    assert [m.to for m in approved] == [["ed@clinic.invalid"]]


def test_a_copy_sent_while_the_approval_publishes_the_page_waits_and_changes_nothing(
    approval, reviewer
):
    page, url, data = approval
    first, copy = (sign_in(Client(raise_request_exception=False), reviewer) for _ in "12")
    publishing = threading.Event()  # the first approval is inside its transaction
    copy_read_the_page = threading.Event()
    answers = {}

    def hold_the_first_approval(**kwargs):
        # The page is published, not yet committed: give the copy its chance to read it.
        publishing.set()
        copy_read_the_page.wait(timeout=3)

    def note_the_copy(request, page):
        if publishing.is_set():
            copy_read_the_page.set()

    def send(name, client):
        try:
            answers[name] = client.post(url, data)
        finally:
            connection.close()  # this thread's own

    workflow_approved.connect(hold_the_first_approval)
    try:
        with hooks.register_temporarily("before_edit_page", note_the_copy):
            first_post = threading.Thread(target=send, args=("first", first))
            first_post.start()
            assert publishing.wait(timeout=60)
            copy_post = threading.Thread(target=send, args=("copy", copy))
            copy_post.start()
            first_post.join(timeout=60)
            copy_post.join(timeout=60)
    finally:
        workflow_approved.disconnect(hold_the_first_approval)

    assert answers["first"].status_code == 302
    assert answers["copy"].status_code == 302, answers["copy"].content[:3000]
    assert_published_once(page)
    told = copy.get(answers["copy"]["Location"]).content.decode()
    assert "Nothing more was done to “Genicular nerve block”" in told

    # A copy that comes later still (a browser's retry) is told the same, and changes nothing.
    late = first.post(url, data, follow=True)
    assert late.status_code == 200
    assert "Nothing more was done" in late.content.decode()
    assert_published_once(page)


def test_autosave_never_approves(approval, client):
    page, url, data = approval
    autosave = client.post(url, data, HTTP_ACCEPT="application/json")
    assert autosave.status_code == 400
    assert autosave.json()["success"] is False
    page.refresh_from_db()
    assert not page.live
    assert not MedicalReview.objects.filter(page_id=page.pk).exists()
    assert WorkflowState.objects.get(object_id=str(page.pk)).status == "in_progress"

    # The footer's own post approves it.
    assert client.post(url, data).status_code == 302
    assert_published_once(page)
