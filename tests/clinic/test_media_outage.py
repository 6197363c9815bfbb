"""A media bucket that cannot be reached slows pages, never breaks them, and loses no upload silently."""

import io

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from wagtail.images import get_image_model

from clinic.settings.media import s3_media
from tests.fictional_content import create_fictional_physician
from tests.network import free_port
from tests.pages import soup


pytestmark = pytest.mark.django_db


def unreachable_bucket():
    """The bucket storage, at an address where nothing listens."""
    storage, _ = s3_media(
        {
            "MEDIA_S3_BUCKET": "clinic-media",
            "MEDIA_S3_ENDPOINT_URL": f"http://127.0.0.1:{free_port()}",
            "MEDIA_S3_ACCESS_KEY_ID": "key",
            "MEDIA_S3_SECRET_ACCESS_KEY": "secret",
        }
    )
    return storage


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (400, 400), (40, 110, 160)).save(buffer, "PNG")
    return buffer.getvalue()


def test_a_page_whose_new_pictures_cannot_be_made_still_shows(client, settings):
    physician = create_fictional_physician()  # a photo with no renditions yet
    with override_settings(STORAGES={**settings.STORAGES, "default": unreachable_bucket()}):
        response = client.get(physician.url)
    assert response.status_code == 200
    page = soup(response)
    assert page.find("h1").get_text(strip=True) == "Alex Example, M.D."
    assert "Request an appointment" in page.get_text()


def test_an_upload_while_the_bucket_cannot_be_reached_says_so_and_saves_nothing(
    admin_client, settings
):
    images_before = get_image_model().objects.count()
    with override_settings(STORAGES={**settings.STORAGES, "default": unreachable_bucket()}):
        response = admin_client.post(
            "/admin/images/add/",
            {
                "title": "Portrait",
                "description": "Portrait of Dr. Alex Example",
                "file": SimpleUploadedFile("portrait.png", png(), content_type="image/png"),
            },
        )
    assert response.status_code == 503
    assert response["Retry-After"] == "120"
    page = BeautifulSoup(response.content, "html.parser")
    assert page.find("h1").get_text() == "The file was not saved"
    assert "try again in a few minutes" in page.get_text()
    assert get_image_model().objects.count() == images_before
