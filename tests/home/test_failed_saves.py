"""
A save the database does not take (busy, or gone) is never silent: the editor is told that
nothing was changed and how to send it again, in the editor for autosave, and nothing is half
done.
"""

import pytest

from django.db import OperationalError, connection
from django.test import Client
from django.urls import reverse

from procedures.models import ProcedurePage
from tests.accounts import sign_in
from tests.editor import editor_form_data


pytestmark = pytest.mark.django_db


def refuse_writes(execute, sql, params, many, context):
    if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
        raise OperationalError("database is locked")
    return execute(sql, params, many, context)


@pytest.fixture
def submit(editor):
    client = sign_in(Client(raise_request_exception=False), editor)
    page = ProcedurePage.objects.get(slug="sacroiliac-joint-injection", locale__language_code="en")
    data = {**editor_form_data(client, page), "action-submit": "Submit to Medical review"}
    data["summary"] = "A summary the database never took."
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return client, page, url, data


def test_a_submit_the_database_refused_says_nothing_was_changed(submit):
    client, page, url, data = submit
    with connection.execute_wrapper(refuse_writes):
        response = client.post(url, data)
    assert response.status_code == 503
    html = response.content.decode()
    assert "Your changes were not saved" in html
    assert "nothing was changed: the page was not saved, submitted for review or published" in html
    assert "Press your browser's Back button" in html
    page.refresh_from_db()
    assert not page.workflow_in_progress
    assert "never took" not in page.get_latest_revision_as_object().summary


def test_an_autosave_the_database_refused_is_told_in_the_editor(submit):
    client, _, url, data = submit
    del data["action-submit"]
    with connection.execute_wrapper(refuse_writes):
        response = client.post(url, data, headers={"accept": "application/json"})
    assert response.status_code == 503
    answer = response.json()
    assert answer["success"] is False
    assert answer["error_message"].startswith("Not saved: the database was busy")
