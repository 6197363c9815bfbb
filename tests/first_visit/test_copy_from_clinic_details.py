"""
Moving the feature into an app of its own loses nothing: what each site kept in the clinic's
details (its insurance plans, their “last updated” date, the four pages for new patients, the
record of pages listing the plans) is in Settings › Before a visit after `migrate`, and patients
see it; migrating back puts it where it was.
"""

import datetime
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from clinic.caching import content_version
from first_visit.models import FirstVisitSettings, PageListingPlans
from tests.browser.conftest import restore_demo_clinic


# Migrations change the schema: outside a test's transaction (SQLite's schema editor needs it).
pytestmark = pytest.mark.django_db(transaction=True)

# Where the feature's rows were still the clinic's: its new tables made, nothing copied yet.
BEFORE_THE_COPY = [
    ("first_visit", "0001_initial"),
    ("clinic", "0012_pages_listing_insurance_plans"),
]
PAGE_FIELDS = ["first_visit_page_id", "insurance_page_id", "forms_page_id", "questions_page_id"]
INSURANCE = "/your-visit/insurance-and-billing/"
SECOND_HOST = "127.0.0.1"  # one of the test settings' ALLOWED_HOSTS


def migrate(targets=None):
    """Migrate to `targets` (every app's latest when None); the models as they were there."""
    executor = MigrationExecutor(connection)
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


def plan_rows(plans):
    return [
        (plan.sort_order, plan.kind, plan.name, plan.name_es)
        for plan in plans.order_by("sort_order")
    ]


def test_each_sites_plans_date_and_pages_are_copied_and_patients_see_them(client):
    restore_demo_clinic()  # a live-server test before this one may have emptied the database
    demo = FirstVisitSettings.objects.get()
    demo_plans = plan_rows(demo.insurance_plans.all())
    demo_pages = [getattr(demo, name) for name in PAGE_FIELDS]
    listing = sorted(PageListingPlans.objects.values_list("page_id", flat=True))
    assert len(demo_plans) == 8 and all(demo_pages) and listing

    old = migrate(BEFORE_THE_COPY)
    ClinicSettings = old.get_model("clinic", "ClinicSettings")
    OldPlan = old.get_model("clinic", "InsurancePlan")
    # Migrating back put the demo's rows where they were.
    clinic = ClinicSettings.objects.get(site_id=demo.site_id)
    assert plan_rows(OldPlan.objects.filter(settings=clinic)) == demo_plans
    assert [getattr(clinic, name) for name in PAGE_FIELDS] == demo_pages
    assert (
        sorted(
            old.get_model("clinic", "PageListingPlans").objects.values_list("page_id", flat=True)
        )
        == listing
    )
    # A date of its own, and a second site with plans and one page of its own.
    ClinicSettings.objects.filter(pk=clinic.pk).update(
        insurance_updated_on=datetime.date(2021, 6, 1)
    )
    Site = old.get_model("wagtailcore", "Site")
    second = Site.objects.create(
        hostname=SECOND_HOST, port=80, root_page_id=clinic.site.root_page_id
    )
    second_clinic = ClinicSettings.objects.create(
        site=second,
        phone="(312) 555-0199",
        insurance_updated_on=datetime.date(2024, 3, 9),
        questions_page_id=demo.questions_page_id,
    )
    OldPlan.objects.create(
        settings=second_clinic, sort_order=0, kind="medicaid", name="Borealis", name_es="Boreal"
    )
    OldPlan.objects.create(settings=second_clinic, sort_order=1, kind="other", name="Quill")

    migrate()
    first = FirstVisitSettings.objects.get(site_id=demo.site_id)
    assert plan_rows(first.insurance_plans.all()) == demo_plans
    assert first.insurance_updated_on == datetime.date(2021, 6, 1)
    assert [getattr(first, name) for name in PAGE_FIELDS] == demo_pages
    copied = FirstVisitSettings.objects.get(site_id=second.pk)
    assert plan_rows(copied.insurance_plans.all()) == [
        (0, "medicaid", "Borealis", "Boreal"),
        (1, "other", "Quill", ""),
    ]
    assert copied.insurance_updated_on == datetime.date(2024, 3, 9)
    assert [getattr(copied, name) for name in PAGE_FIELDS] == [
        None,
        None,
        None,
        demo.questions_page_id,
    ]
    assert sorted(PageListingPlans.objects.values_list("page_id", flat=True)) == listing

    content_version.bump()  # the rows above were written without the signals that bump it
    page = BeautifulSoup(client.get(INSURANCE).content, "html.parser")
    assert page.select_one(".insurance__updated time")["datetime"] == "2021-06-01"
    names = [
        " ".join(item.get_text(" ", strip=True).split()) for item in page.select(".insurance li")
    ]
    assert names == [name for _order, _kind, name, _es in demo_plans]
    # Two sites now: links are given with their host.
    footer = page.select("footer nav[aria-labelledby=footer-visit] a")
    assert [urlsplit(link["href"]).path for link in footer] == [
        "/your-visit/first-visit/",
        INSURANCE,
        "/your-visit/patient-forms/",
        "/your-visit/common-questions/",
    ]
    second_home = BeautifulSoup(client.get("/", HTTP_HOST=SECOND_HOST).content, "html.parser")
    assert [urlsplit(link["href"]).path for link in second_home.select(".visit-links a")] == [
        "/your-visit/common-questions/"
    ]
