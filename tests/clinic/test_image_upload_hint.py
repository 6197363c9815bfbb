"""Editors learn what size images the pages accept before they upload one, not after."""

import json

import pytest

from django.urls import reverse

from clinic.pages.image_form import SIZES_NEEDED
from tests.accounts import sign_in


pytestmark = pytest.mark.django_db


def test_the_upload_tab_of_the_image_chooser_gives_the_sizes_pages_need(client, editor):
    sign_in(client, editor)
    response = client.get(reverse("wagtailimages_chooser:choose"))
    assert response.status_code == 200
    html = json.loads(response.content)["html"]
    assert "at least 1200 pixels wide" in html
    assert SIZES_NEEDED.split(":")[0] in html


@pytest.mark.parametrize("upload", ["wagtailimages:add", "wagtailimages:add_multiple"])
def test_the_image_library_upload_gives_the_sizes_too(client, editor, upload):
    sign_in(client, editor)
    response = client.get(reverse(upload))
    assert response.status_code == 200
    assert "physician photos at least 320 × 320" in response.content.decode()
