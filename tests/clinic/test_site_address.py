"""
The public address in every absolute link, from SITE_URL at deploy time or, without it, from the
first request: canonical links, og:url, the JSON-LD, the sitemap and robots.txt.
"""

import json

import pytest

from django.core.management import CommandError, call_command
from django.test import override_settings

from wagtail.models import Site

from clinic.operations import site_address
from tests import demo_snapshot
from tests.pages import PAGES, soup
from tests.processes import run_manage


pytestmark = pytest.mark.django_db

PROCEDURE = PAGES["procedure"]


def absolute_links(client, host="testserver"):
    """The addresses a patient's page, the sitemap and robots.txt give for the site."""
    page = soup(client.get(PROCEDURE, HTTP_HOST=host))
    graph = json.loads(page.find("script", type="application/ld+json").string)["@graph"]
    return {
        "canonical": page.find("link", rel="canonical")["href"],
        "og:url": page.find("meta", property="og:url")["content"],
        "json-ld": next(node["url"] for node in graph if node["@type"] == "MedicalWebPage"),
        "sitemap": client.get("/sitemap.xml", HTTP_HOST=host).content.decode(),
        "robots": client.get("/robots.txt", HTTP_HOST=host).content.decode(),
    }


def test_site_url_gives_every_absolute_link_its_address(client):
    call_command("set_site_address", "https://clinic.example", stdout=open("/dev/null", "w"))  # noqa: SIM115
    links = absolute_links(client)
    assert links["canonical"] == f"https://clinic.example{PROCEDURE}"
    assert links["og:url"] == links["canonical"] == links["json-ld"]
    assert f"<loc>https://clinic.example{PROCEDURE}</loc>" in links["sitemap"]
    assert "localhost" not in links["sitemap"]
    assert "Sitemap: https://clinic.example/sitemap.xml" in links["robots"]

    call_command("set_site_address", "http://127.0.0.1:8000", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert absolute_links(client)["canonical"] == f"http://127.0.0.1:8000{PROCEDURE}"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("clinic.example", "must look like https://clinic.example"),
        ("ftp://clinic.example", "must look like https://clinic.example"),
        ("https://clinic.example/clinic/", "without a path"),
        ("https://clinic.example:8443", "https on port 443"),
        ("http://clinic.example:443", "https on port 443"),
        ("https://clinic.example:port", "not a number"),
    ],
)
def test_an_address_wagtail_cannot_serve_is_refused_with_the_reason(url, message):
    with pytest.raises(CommandError, match=message):
        call_command("set_site_address", url)
    assert (Site.objects.get(is_default_site=True).hostname) == "localhost"


@pytest.fixture
def from_requests(monkeypatch):
    """As in production without SITE_URL: a new process, whose first request decides."""
    monkeypatch.setattr(site_address, "_settled", False)
    with override_settings(
        SITE_URL="",
        SITE_ADDRESS_FROM_REQUEST=True,
        ALLOWED_HOSTS=["testserver", "clinic.example", "www.clinic.example"],
    ):
        yield


def test_without_site_url_the_first_request_gives_the_placeholder_its_address(
    client, from_requests
):
    assert (client.get("/", HTTP_HOST="evil.example").status_code) == 400  # not an allowed host
    assert Site.objects.get(is_default_site=True).hostname == "localhost"

    client.get("/", HTTP_HOST="clinic.example:8080")
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("clinic.example", 8080)
    assert absolute_links(client)["canonical"] == f"http://clinic.example:8080{PROCEDURE}"

    # Later requests, by another name, change nothing.
    client.get("/", HTTP_HOST="www.clinic.example")
    assert Site.objects.get(is_default_site=True).hostname == "clinic.example"


def test_an_https_request_gives_port_443(client, from_requests):
    client.get("/", HTTP_HOST="clinic.example", secure=True)
    site = Site.objects.get(is_default_site=True)
    assert site.root_url == "https://clinic.example"


def test_an_address_an_admin_chose_is_never_overwritten_by_a_request(client, from_requests):
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "www.clinic.example", 443
    site.save()
    client.get("/", HTTP_HOST="clinic.example")
    assert Site.objects.get(is_default_site=True).root_url == "https://www.clinic.example"


def test_migrate_applies_site_url_and_production_allows_its_host(tmp_path, django_db_setup):
    """The deploy's `migrate` needs no extra step; production needs no ALLOWED_HOSTS besides."""
    # A deploy migrates the site's database: the demo's, where the suite runs on SQLite (a new
    # one, migrated from nothing, elsewhere; tests/demo/test_first_run.py starts from nothing).
    demo_snapshot.copy_file(tmp_path / "deploy.sqlite3")
    database = f"sqlite:///{tmp_path / 'deploy.sqlite3'}"
    migrate = run_manage(
        "migrate",
        "--noinput",
        settings="clinic.settings.dev",
        timeout=300,
        DATABASE_URL=database,
        SITE_URL="https://clinic.example",
    )
    assert migrate.returncode == 0, migrate.stderr
    assert "The site's address is now https://clinic.example." in migrate.stdout

    show = (
        "from django.conf import settings; from wagtail.models import Site; "
        "print(Site.objects.get(is_default_site=True).root_url, settings.ALLOWED_HOSTS, "
        "settings.CSRF_TRUSTED_ORIGINS, settings.WAGTAILADMIN_BASE_URL)"
    )
    shown = run_manage(
        "shell",
        "--no-imports",
        "-c",
        show,
        settings="clinic.settings.production",
        DATABASE_URL=database,
        SITE_URL="https://clinic.example",
        SECRET_KEY="k" * 60,
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.split() == [
        "https://clinic.example",
        "['clinic.example',",
        "'localhost']",  # for the health probe of a proxy on the same machine
        "['https://clinic.example']",
        "https://clinic.example",
    ]

    bad = run_manage(
        "check", settings="clinic.settings.dev", SITE_URL="https://clinic.example:8443"
    )
    assert bad.returncode != 0
    assert "clinic.E001" in bad.stderr and "https on port 443" in bad.stderr
