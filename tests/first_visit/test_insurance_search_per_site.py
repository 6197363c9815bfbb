"""
A page listing the insurance plans is found in site search by the plans of its own site, and
by the new names as soon as a site admin changes them; another site's pages keep their own.
"""

import pytest
from bs4 import BeautifulSoup

from wagtail.models import Page, Site

from first_visit.models import FirstVisitSettings, InsurancePlan, pages_listing_plans
from home.models import StandardPage
from tests.accounts import sign_in
from tests.editor import before_a_visit_form, before_a_visit_url, saved_plans


pytestmark = pytest.mark.django_db

SECOND_HOST = "127.0.0.1"


def found(client, query, host="testserver"):
    response = client.get("/search/", {"q": query}, HTTP_HOST=host)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    return [link["href"].rstrip("/").rsplit("/", 1)[-1] for link in page.select(".search-result a")]


def publish_listing_page(parent, slug, body=(("insurance_plans", {"heading": "Plans we take"}),)):
    page = StandardPage(
        title=slug.replace("-", " ").capitalize(),
        slug=slug,
        summary="Who pays for a visit.",
        locale_id=parent.locale_id,
        body=list(body),
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def set_plans(visit_settings, *names):
    """Save a site's settings with these plans, as the Before a visit form does."""
    visit_settings.insurance_plans = [InsurancePlan(name=name, kind="private") for name in names]
    visit_settings.save()


@pytest.fixture
def second_site(site):
    """A second clinic on its own host, with a page listing its own plan."""
    root = StandardPage(
        title="Second clinic",
        slug="second-clinic",
        summary="Another clinic.",
        locale_id=site.root_page.locale_id,
    )
    Page.get_first_root_node().add_child(instance=root)
    second = Site.objects.create(hostname=SECOND_HOST, port=80, root_page=root, site_name="Second")
    set_plans(FirstVisitSettings.for_site(second), "Borealis Mutual")
    publish_listing_page(root, "second-clinic-plans")
    return second


@pytest.fixture
def first_site_page(site):
    set_plans(FirstVisitSettings.for_site(site), "Quillfeather Health")
    section = StandardPage.objects.get(slug="your-visit")
    return publish_listing_page(section, "who-pays")


def test_a_listing_page_is_found_by_its_own_sites_plans_only(client, second_site, first_site_page):
    assert "who-pays" in found(client, "Quillfeather")
    assert "second-clinic-plans" not in found(client, "Quillfeather")
    assert "second-clinic-plans" in found(client, "Borealis Mutual", host=SECOND_HOST)
    assert "who-pays" not in found(client, "Borealis Mutual")
    assert "who-pays" not in found(client, "Borealis Mutual", host=SECOND_HOST)


def test_a_site_admin_renames_a_plan_and_search_follows_at_once(
    client, site_admin, site, second_site, first_site_page
):
    visit = FirstVisitSettings.for_site(site)
    plans = saved_plans(visit)
    assert plans[0]["name"] == "Quillfeather Health"
    plans[0]["name"] = "Wrenfield Health"
    sign_in(client, site_admin)
    response = client.post(before_a_visit_url(visit), before_a_visit_form(visit, plans=plans))
    assert response.status_code == 302

    assert "who-pays" in found(client, "Wrenfield")
    assert "who-pays" not in found(client, "Quillfeather")
    # The second clinic's page still lists its own plan, and only the first site's pages were
    # the ones to index again.
    assert "second-clinic-plans" in found(client, "Borealis Mutual", host=SECOND_HOST)
    assert "second-clinic-plans" not in found(client, "Wrenfield")
    first_site_pages = {page.slug for page in pages_listing_plans(site)}
    assert "who-pays" in first_site_pages and "second-clinic-plans" not in first_site_pages
    assert [page.slug for page in pages_listing_plans(second_site)] == ["second-clinic-plans"]


def test_a_page_whose_block_is_taken_out_no_longer_lists_the_plans(client, site, first_site_page):
    assert "who-pays" in found(client, "Quillfeather")
    first_site_page.body = [("paragraph", "<p>Ask at the desk.</p>")]
    first_site_page.save_revision().publish()

    assert "who-pays" not in found(client, "Quillfeather")
    assert "who-pays" not in {page.slug for page in pages_listing_plans(site)}
    set_plans(FirstVisitSettings.for_site(site), "Quillfeather Health", "Wrenfield Health")
    assert "who-pays" not in found(client, "Wrenfield")
