"""
After a reviewer's action the admin says what happened to the page, whether the action came
from the page editor's footer or from the dashboard's menu.
"""

import pytest

from django.contrib.messages import get_messages
from django.urls import reverse

from wagtail.models import WorkflowState

from tests.accounts import sign_in
from tests.editor import editor_form_data
from tests.medical_review.test_workflow import submit_new_procedure


pytestmark = pytest.mark.django_db


def messages_after(response):
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


def footer_action(client, page, action):
    data = {
        **editor_form_data(client, page),
        "action-workflow-action": "true",
        "workflow-action-name": action,
    }
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data, follow=True)


def test_approving_from_the_footer_says_the_page_is_published(client, editor, reviewer):
    page = submit_new_procedure(client, editor)
    sign_in(client, reviewer)
    response = footer_action(client, page, "approve")
    assert messages_after(response) == [
        "You approved “Genicular nerve block” and it is published: patients can read it now."
    ]
    assert "has been updated" not in response.content.decode()


def test_requesting_changes_from_the_footer_says_where_the_page_went(client, editor, reviewer):
    page = submit_new_procedure(client, editor)
    sign_in(client, reviewer)
    response = footer_action(client, page, "reject")
    [message] = messages_after(response)
    assert message.startswith("You requested changes to “Genicular nerve block”. It is back with")
    page.refresh_from_db()
    assert not page.live


def test_approving_from_the_dashboard_says_so_on_the_next_screen(client, editor, reviewer):
    page = submit_new_procedure(client, editor)
    sign_in(client, reviewer)
    task_state = WorkflowState.objects.get(object_id=str(page.pk)).current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    # As the dashboard's dialog sends it, then follows the redirect it is given.
    answer = client.post(url, headers={"x-requested-with": "XMLHttpRequest"})
    assert answer.json()["step"] == "success"
    next_screen = client.get(answer.json()["redirect"], follow=True)
    assert (
        "You approved “Genicular nerve block” and it is published" in next_screen.content.decode()
    )
