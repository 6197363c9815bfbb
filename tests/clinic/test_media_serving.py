"""
Uploaded files when Django serves /media/ itself (`make run`, `make serve` without a bucket, the
tests): the pictures pages show are public; a document only through its download address, which
checks its privacy; an original image only for staff.
"""

import pytest

from django.test import override_settings

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from home.roles import EDITORS
from tests.accounts import make_user, sign_in
from tests.fictional_content import private_document


pytestmark = pytest.mark.django_db


@pytest.fixture
def login_only_document():
    return private_document()[0]


def test_a_private_document_is_not_under_media(client, login_only_document):
    assert client.get(login_only_document.file.url).status_code == 404
    # Its download address asks for a sign-in first.
    download = client.get(login_only_document.url)
    assert download.status_code == 302 and "login" in download["Location"]


def test_a_public_document_is_downloaded_from_its_own_address_only(client):
    document = get_document_model().objects.get(title="Sample new patient questionnaire")
    assert client.get(document.file.url).status_code == 404
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_pictures_pages_show_are_public_and_originals_are_for_staff(client):
    image = get_image_model().objects.exclude(file="").first()
    rendition = image.get_rendition("width-400")
    assert client.get(rendition.url).status_code == 200
    assert client.get(image.file.url).status_code == 404
    sign_in(client, make_user("ed", EDITORS))
    original = client.get(image.file.url)
    assert original.status_code == 200
    assert "no-store" in original["Cache-Control"]


@pytest.mark.parametrize(
    "path",
    ["/media/images/" + "a" * 300 + ".jpg", "/media/images/%00.jpg", "/media/images/../../.env"],
)
def test_a_name_no_disk_could_hold_is_a_404(client, path):
    assert client.get(path).status_code == 404


@override_settings(DEBUG=False)
def test_nothing_else_under_media_is_served(client, settings):
    (settings.MEDIA_ROOT / "secrets.txt").write_text("not for patients")
    assert client.get("/media/secrets.txt").status_code == 404
