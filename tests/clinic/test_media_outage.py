"""A media bucket that cannot be reached slows pages; it never breaks them."""

import pytest

from django.test import override_settings

from clinic.settings.base import s3_media
from tests.conftest import create_fictional_physician, free_port
from tests.pages import soup


pytestmark = pytest.mark.django_db


def test_a_page_whose_new_pictures_cannot_be_made_still_shows(client, settings):
    physician = create_fictional_physician()  # a photo with no renditions yet
    unreachable, _ = s3_media(
        {
            "MEDIA_S3_BUCKET": "clinic-media",
            "MEDIA_S3_ENDPOINT_URL": f"http://127.0.0.1:{free_port()}",
            "MEDIA_S3_ACCESS_KEY_ID": "key",
            "MEDIA_S3_SECRET_ACCESS_KEY": "secret",
        }
    )
    with override_settings(STORAGES={**settings.STORAGES, "default": unreachable}):
        response = client.get(physician.url)
    assert response.status_code == 200
    page = soup(response)
    assert page.find("h1").get_text(strip=True) == "Alex Example, M.D."
    assert "Request an appointment" in page.get_text()
