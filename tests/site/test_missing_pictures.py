"""
A picture that cannot be made (its original file missing, or the media disk full while its
rendition is written) is left out of the page: the rest of the page is shown, never a 500, and
the failure is logged once with the image's id.
"""

import errno
import logging

import pytest

from django.core.cache import caches
from django.core.files.storage import FileSystemStorage
from django.test import override_settings

from wagtail.images import get_image_model

from tests.pages import PAGES, soup


pytestmark = pytest.mark.django_db

# Pages with pictures: news cards and physician photos, a procedure's diagram, a news post's
# image, a physician's photo.
WITH_PICTURES = [PAGES[kind] for kind in ("home", "procedure", "news post", "physician")]


class FullDisk(FileSystemStorage):
    """The media disk, with no space left for a new file."""

    def _save(self, name, content):
        raise OSError(errno.ENOSPC, "No space left on device", name)


def renditions_to_be_made():
    """Every image's renditions have to be made again, on the next page that shows it."""
    for image in get_image_model().objects.all():
        image.renditions.all().delete()
    caches["default"].clear()  # Wagtail's copies of renditions, where it keeps them


def headings_and_pictures(client, url):
    page = soup(client.get(url))
    return page.find("h1").get_text(strip=True), page.find_all(["picture", "img"])


@pytest.fixture
def pages_as_usual(client):
    """Each page's heading, and that it shows pictures when they can be made."""
    usual = {}
    for url in WITH_PICTURES:
        heading, pictures = headings_and_pictures(client, url)
        assert pictures, url
        usual[url] = heading
    caches["content"].clear()
    return usual


def assert_shown_without_pictures(client, usual):
    for url, heading in usual.items():
        shown_heading, pictures = headings_and_pictures(client, url)
        assert shown_heading == heading
        assert not [picture for picture in pictures if "/media/" in str(picture)], url
        assert "not-found" not in client.get(url).content.decode()


def test_pages_whose_original_images_are_missing_show_without_them(
    client, pages_as_usual, settings, tmp_path, caplog
):
    renditions_to_be_made()
    with caplog.at_level(logging.ERROR, logger="clinic.pages.renditions"):
        settings.MEDIA_ROOT = tmp_path  # the same files' names, none of them there
        assert_shown_without_pictures(client, pages_as_usual)
    missing = [record.getMessage() for record in caplog.records]
    assert missing and all(message.startswith("Image ") for message in missing)
    assert len(missing) == len(set(missing))  # once per image


def test_pages_show_without_pictures_when_the_media_disk_is_full(client, pages_as_usual, settings):
    renditions_to_be_made()
    full = {"BACKEND": f"{__name__}.FullDisk", "OPTIONS": {"location": settings.MEDIA_ROOT}}
    with override_settings(STORAGES={**settings.STORAGES, "default": full}):
        assert_shown_without_pictures(client, pages_as_usual)
