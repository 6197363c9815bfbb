"""What search engines and social media read about each page: title, description, canonical address, sharing image."""

import io

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from wagtail.test.utils.wagtail_factories import ImageFactory

from clinic.models import ClinicSettings
from procedures.models import ProcedurePage
from tests.pages import PAGES, ROOT, get_page, json_ld, meta


pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", PAGES)
def test_every_page_has_title_description_canonical_and_sharing_tags(client, name):
    url = PAGES[name]
    soup = get_page(client, url)
    clinic = ClinicSettings.objects.get()
    title = soup.title.get_text()
    assert clinic.clinic_name in title and len(title) > len(clinic.clinic_name) + 3
    description = meta(soup, "description")
    assert description and 20 < len(description) <= 300
    assert soup.find("link", rel="canonical")["href"] == ROOT + url
    assert meta(soup, "og:url") == ROOT + url
    assert meta(soup, "og:title") and meta(soup, "og:title") in title
    assert meta(soup, "og:description") == description
    assert meta(soup, "og:site_name") == clinic.clinic_name
    assert meta(soup, "og:image").startswith(ROOT + "/media/")
    assert (meta(soup, "og:image:width"), meta(soup, "og:image:height")) == ("1200", "630")
    assert meta(soup, "og:image:alt")
    assert meta(soup, "twitter:card") == "summary_large_image"
    assert soup.find("meta", attrs={"name": "robots"}) is None


def test_editor_set_seo_title_description_and_sharing_image_win(client):
    page = ProcedurePage.objects.get(slug="botox-injections")
    page.seo_title = "Botox injections for chronic pain"
    page.search_description = "How botulinum toxin injections may ease some kinds of pain."
    page.social_image = ImageFactory(
        title="Share", description="A syringe", file__width=1600, file__height=900
    )
    page.save_revision().publish()
    soup = get_page(client, page.url)
    assert soup.title.get_text().startswith("Botox injections for chronic pain | ")
    assert meta(soup, "description") == page.search_description
    assert meta(soup, "og:image:alt") == "A syringe"
    image = client.get(meta(soup, "og:image").removeprefix(ROOT))
    assert Image.open(io.BytesIO(b"".join(image.streaming_content))).size == (1200, 630)


def test_social_preview_of_a_procedure_page_is_a_real_1200_by_630_image(client):
    soup = get_page(client, PAGES["procedure"])
    image_url = meta(soup, "og:image")
    response = client.get(image_url.removeprefix(ROOT))
    assert response.status_code == 200
    image = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    assert image.size == (1200, 630)
    assert image.format == "JPEG"
    assert meta(soup, "og:image:type") == "image/jpeg"


def test_search_results_filtered_lists_and_missing_pages_are_kept_out_of_the_index(client):
    for url in ["/search/?q=back", "/physicians/?accepting=on"]:
        soup = get_page(client, url)
        assert meta(soup, "robots") == "noindex, follow"
        assert soup.find("link", rel="canonical") is None
        json_ld(soup)  # still valid
    missing = BeautifulSoup(client.get("/no-such-page/").content, "html.parser")
    assert meta(missing, "robots") == "noindex"


def test_a_sharing_image_whose_file_is_gone_leaves_the_page_without_one_not_broken(client):
    """A file lost from the media folder or an unreachable bucket: the page still shows."""
    clinic = ClinicSettings.objects.get()
    clinic.social_image = ImageFactory(title="Lost", file__width=1600, file__height=900)
    clinic.save()
    clinic.social_image.file.storage.delete(clinic.social_image.file.name)
    response = client.get(PAGES["home"])
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert meta(soup, "og:image") is None
    assert "image" not in next(node for node in json_ld(soup) if node["@type"] == "MedicalClinic")
