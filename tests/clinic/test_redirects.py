"""Old addresses keep working: imported redirects, renamed and moved pages."""

import io
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from openpyxl import Workbook

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page
from wagtail.test.utils.form_data import querydict_from_html

from home.models import StandardPage
from home.roles import SITE_ADMINS
from news.models import NewsPostPage
from tests.accounts import make_user, sign_in
from tests.editor import editor_form_data


pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def site_admin_client(client):
    sign_in(client, make_user("sa", SITE_ADMINS))
    return client


def import_redirects(client, upload):
    """Upload a file of old and new addresses and confirm its columns, as in the admin."""
    response = client.post(reverse("wagtailredirects:start_import"), {"import_file": upload})
    assert response.status_code == 200
    page = response.content.decode()
    forms = BeautifulSoup(page, "html.parser").find_all("form")
    action = reverse("wagtailredirects:process_import")
    index = next(i for i, form in enumerate(forms) if form.get("action") == action)
    confirm = querydict_from_html(page, form_index=index)
    data = {key: confirm.get(key) for key in confirm}
    data.update({"from_index": "0", "to_index": "1", "permanent": "on", "site": ""})
    return client.post(reverse("wagtailredirects:process_import"), data)


# Wagtail's import takes the new address as a full URL.
OLD_SITE = [
    (
        "/sacroiliac-joint-injection-si-joint.html",
        "http://localhost/procedures/sacroiliac-joint-injection/",
    ),
    ("/about-us/our-doctors.php", "http://localhost/physicians/"),
]


def test_the_example_file_in_the_docs_imports_every_row(site_admin_client):
    """The README's example: a first row of column names, then one redirect per row."""
    example = (ROOT / "docs" / "redirects-example.csv").read_bytes()
    upload = SimpleUploadedFile("redirects-example.csv", example, content_type="text/csv")
    import_redirects(site_admin_client, upload)
    rows = example.decode().splitlines()
    assert Redirect.objects.count() == len(rows) - 1  # every row but the column names
    for row in rows[1:]:
        old, new = row.split(",")
        response = site_admin_client.get(old)
        assert response.status_code == 301 and response["Location"] == new


def test_a_site_admin_imports_old_addresses_from_csv_and_they_answer_301(site_admin_client):
    client = site_admin_client
    csv = "from,to\n" + "".join(f"{old},{new}\n" for old, new in OLD_SITE)
    upload = SimpleUploadedFile("old-site.csv", csv.encode(), content_type="text/csv")
    response = import_redirects(client, upload)
    assert response.status_code == 302
    assert Redirect.objects.count() == 2
    client.logout()
    for old, new in OLD_SITE:
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == new
        assert client.get(new.removeprefix("http://localhost")).status_code == 200


def test_a_site_admin_imports_redirects_from_an_excel_file(site_admin_client):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Old address", "New address"])
    new = "http://localhost/conditions/complex-regional-pain-syndrome/"
    sheet.append(["/conditions/rsd.html", new])
    buffer = io.BytesIO()
    workbook.save(buffer)
    upload = SimpleUploadedFile("old-site.xlsx", buffer.getvalue())
    response = import_redirects(site_admin_client, upload)
    assert response.status_code == 302
    site_admin_client.logout()
    response = site_admin_client.get("/conditions/rsd.html")
    assert response.status_code == 301
    assert response["Location"] == new


def test_a_bad_row_in_an_import_is_reported_not_half_saved(site_admin_client):
    csv = "from,to\n/old-page.html,http://localhost/procedures/\n/no-target,not a web address\n"
    upload = SimpleUploadedFile("old-site.csv", csv.encode(), content_type="text/csv")
    response = import_redirects(site_admin_client, upload)
    assert response.status_code == 200
    summary = response.content.decode()
    assert "/no-target" in summary and "Enter a valid URL" in summary  # the failed row, named
    assert Redirect.objects.filter(old_path="/old-page.html").exists()


def test_renaming_a_pages_slug_in_the_editor_keeps_its_old_address(
    admin_client, django_capture_on_commit_callbacks
):
    post = NewsPostPage.objects.get(slug="non-surgical-relief-for-spine-pain")
    data = editor_form_data(admin_client, post)
    data["slug"] = ["spine-pain-relief-without-surgery"]
    data["action-publish"] = ["action-publish"]
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail acts once saved
        response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[post.pk]), data)
    assert response.status_code == 302
    admin_client.logout()
    response = admin_client.get("/news/non-surgical-relief-for-spine-pain/")
    assert response.status_code == 301
    assert response["Location"] == "/news/spine-pain-relief-without-surgery/"
    assert admin_client.get(response["Location"]).status_code == 200


def test_moving_a_page_keeps_its_old_address(admin_client):
    care_team = StandardPage.objects.get(slug="care-team")
    home = Page.objects.get(depth=2, locale__language_code="en")
    response = admin_client.post(
        reverse("wagtailadmin_pages:move_confirm", args=[care_team.pk, home.pk])
    )
    assert response.status_code == 302
    admin_client.logout()
    response = admin_client.get("/about/care-team/")
    assert response.status_code == 301
    assert response["Location"] == "/care-team/"
    assert admin_client.get("/care-team/").status_code == 200
