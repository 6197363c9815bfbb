"""
Media on object storage: with MEDIA_S3_BUCKET set, an image uploaded in the admin goes to an
S3-compatible bucket, its renditions too, and the public page's picture points at the bucket.
The bucket is a real S3 HTTP endpoint: moto's server mode, started by the test as a process of
its own on a spare port.

Starts a server: marked `servers`, which `.ci/run` runs once (on PostgreSQL).
"""

import io
import urllib.error
import urllib.request

import pytest
from PIL import Image as PILImage

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from wagtail.images import get_image_model

from clinic.settings.media import s3_media
from tests.fictional_content import create_fictional_physician
from tests.network import free_port
from tests.pages import soup
from tests.processes import ROOT, run_manage
from tests.servers import s3_bucket


pytestmark = [pytest.mark.servers, pytest.mark.django_db]

BUCKET = "clinic-media"
KEYS = {"MEDIA_S3_ACCESS_KEY_ID": "testing", "MEDIA_S3_SECRET_ACCESS_KEY": "testing"}


@pytest.fixture(scope="module")
def s3_endpoint(tmp_path_factory):
    """moto's S3 server, and a bucket in it."""
    log = tmp_path_factory.mktemp("s3") / "moto.log"
    with s3_bucket(free_port(), BUCKET, log) as (endpoint, client, _):
        yield endpoint, client


@pytest.fixture
def bucket_storage(s3_endpoint, settings):
    """
    The bucket as the default storage, holding the demo's files: copied there as an operator
    copies media/ when a site moves to a bucket (docs/deploy.md).
    """
    endpoint, client = s3_endpoint
    for path in settings.MEDIA_ROOT.rglob("*"):
        if path.is_file():
            key = path.relative_to(settings.MEDIA_ROOT).as_posix()
            client.upload_file(str(path), BUCKET, key)
    environment = {"MEDIA_S3_BUCKET": BUCKET, "MEDIA_S3_ENDPOINT_URL": endpoint, **KEYS}
    default, _ = s3_media(environment)
    with override_settings(STORAGES={**settings.STORAGES, "default": default}):
        yield endpoint, client


def keys(client, prefix):
    listing = client.list_objects_v2(Bucket=BUCKET, Prefix=prefix)
    return [item["Key"] for item in listing.get("Contents", [])]


def png(width=900, height=900):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (40, 110, 160)).save(buffer, "PNG")
    return buffer.getvalue()


def test_an_image_uploaded_in_the_admin_is_served_from_the_bucket(admin_client, bucket_storage):
    endpoint, client = bucket_storage
    response = admin_client.post(
        "/admin/images/add/",
        {
            "title": "Portrait in the bucket",
            "description": "Portrait of Dr. Alex Example",
            "file": SimpleUploadedFile("portrait.png", png(), content_type="image/png"),
        },
    )
    assert response.status_code == 302, response.content[:3000]
    image = get_image_model().objects.get(title="Portrait in the bucket")
    assert f"original_images/{image.file.name.rsplit('/', 1)[1]}" in keys(
        client, "original_images/"
    )
    assert not (ROOT / "media" / image.file.name).exists()

    physician = create_fictional_physician()
    physician.photo = image
    physician.save_revision().publish()
    admin_client.logout()

    page = soup(admin_client.get(physician.url))
    photo = page.find("img", class_="profile-header__photo")
    sources = [photo["src"]] + [
        candidate.split()[0]
        for source in page.find("picture").find_all("source")
        for candidate in source["srcset"].split(",")
    ]
    assert all(url.startswith(f"{endpoint}/{BUCKET}/images/") for url in sources), sources
    renditions = keys(client, "images/")
    assert len(renditions) >= 6  # two sizes in AVIF, WebP and JPEG
    for url in sources:
        assert url.removeprefix(f"{endpoint}/{BUCKET}/") in renditions

    with urllib.request.urlopen(photo["src"], timeout=10) as response:  # noqa: S310 (http only)
        assert response.headers["Content-Type"] == "image/jpeg"
        assert response.headers["Cache-Control"] == "public, max-age=86400"
        assert PILImage.open(io.BytesIO(response.read())).size == (240, 240)
    original = f"{endpoint}/{BUCKET}/{image.file.name}"
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(original, timeout=10)  # noqa: S310
    assert refused.value.code == 403  # the upload itself is not public


def test_the_pages_and_the_admin_may_show_images_from_the_bucket():
    """The settings as production reads them from the environment: CSP img-src names the bucket."""
    show = (
        "from django.conf import settings; from clinic.middleware import ADMIN_CSP; "
        "print(settings.STORAGES['default']['BACKEND']); "
        "print(settings.SECURE_CSP['img-src'][-1]); print(ADMIN_CSP['img-src'][-1]); "
        "print(settings.WAGTAILDOCS_SERVE_METHOD)"
    )
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        show,
        settings="clinic.settings.production",
        SECRET_KEY="k" * 60,
        SITE_URL="https://clinic.example",
        REDIS_URL="redis://127.0.0.1:6379/0",
        MEDIA_S3_BUCKET="clinic-media",
        MEDIA_S3_CUSTOM_DOMAIN="media.clinic.example",
        **KEYS,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "clinic.operations.storage.MediaStorage",
        "https://media.clinic.example",
        "https://media.clinic.example",
        "serve_view",
    ]
