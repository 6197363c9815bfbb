"""
"Forgotten password?" does the same work whether or not the address belongs to staff: the
request queues the address, and the task worker sends the link (or nothing).
"""

import re

import pytest
from django_tasks_db.models import DBTaskResult

from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from home.roles import FRONT_DESK
from tests.accounts import make_user
from tests.browser.conftest import restore_demo_clinic


WORKER = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
RESET = "/admin/password_reset/"


def ask(client, email):
    return client.post(RESET, {"email": email}, REMOTE_ADDR=f"203.0.113.{len(email)}")


@pytest.mark.django_db(transaction=True)  # the worker runs outside any test transaction
def test_a_known_and_an_unknown_address_get_the_same_answer_and_the_same_work(client):
    restore_demo_clinic()  # an earlier test of this kind may have emptied the database
    desk = make_user("desk", FRONT_DESK)
    desk.email = "desk@clinic.example"
    desk.save()
    with override_settings(TASKS=WORKER):
        known = ask(client, "desk@clinic.example")
        unknown = ask(client, "nobody@clinic.example")
        assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
        assert known.status_code == 302
        # Neither request sent anything: each queued one task, with its address.
        assert mail.outbox == []
        queued = DBTaskResult.objects.filter(task_path="home.password_reset.send_password_reset")
        assert sorted(task.args_kwargs["kwargs"]["email"] for task in queued) == [
            "desk@clinic.example",
            "nobody@clinic.example",
        ]

        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert [message.to for message in mail.outbox] == [["desk@clinic.example"]]
    link = re.search(r"https?://\S+/admin/password_reset/confirm/\S+", mail.outbox[0].body)
    assert link, mail.outbox[0].body


@pytest.mark.django_db
def test_with_the_immediate_backend_the_link_arrives_at_once(client):
    desk = make_user("desk", FRONT_DESK)
    desk.email = "desk@clinic.example"
    desk.save()
    assert ask(client, "desk@clinic.example").status_code == 302
    assert [message.to for message in mail.outbox] == [["desk@clinic.example"]]
    confirm = re.search(r"/admin/password_reset/confirm/\S+", mail.outbox[0].body).group(0)
    assert client.get(confirm, follow=True).status_code == 200
