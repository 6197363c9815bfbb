"""Fixtures and helpers the appointment tests share."""

import pytest

from home.roles import FRONT_DESK
from tests.accounts import make_user


URL = "/appointments/request/"


PATIENT = {
    "name": "Pat Example",
    "phone": "(312) 555-0190",
    "email": "pat@example.invalid",
    "patient_type": "new",
    "preferred_days": ["tue", "thu"],
    "preferred_times": ["morning"],
    "consent": "on",
}


@pytest.fixture
def front_desk():
    return make_user("desk", FRONT_DESK)


def send(client, data=None, **extra):
    return client.post(URL, {**PATIENT, **(data or {})}, **extra)
