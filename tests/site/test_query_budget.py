"""Every public page answers in a small, fixed number of database queries, however much content the clinic adds."""

import pytest

from django.db import connection, transaction
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from wagtail.test.utils.wagtail_factories import ImageFactory

from clinic.caching import content_version
from clinic.caching.cache import redis_down
from clinic.factories import SpecialtyFactory
from clinic.models import BodyRegion
from conditions.factories import ConditionPageFactory
from conditions.models import ConditionIndexPage, ConditionPage
from locations.factories import LocationPageFactory
from locations.models import LocationIndexPage, LocationPage
from news.factories import NewsPostPageFactory
from news.models import NewsIndexPage, NewsPostPage
from physicians.factories import PhysicianPageFactory
from physicians.models import PhysicianIndexPage, PhysicianPage
from procedures.factories import ProcedurePageFactory
from procedures.models import ProcedureIndexPage, ProcedurePage
from tests.caches import redis_caches
from tests.network import free_port
from tests.pages import ALL_PAGES, expected_status


pytestmark = pytest.mark.django_db


# On PostgreSQL a search sets its own time limit (site_search.limits): one query, and in a test's
# transaction the savepoint around it, two more.
SEARCH_TIME_LIMIT = 3 if connection.vendor == "postgresql" else 0

# The most queries each page of tests.pages may take on a second view, the page cache aside (as
# for staff, or with PAGE_CACHE=off): the site, the page an address leads to, its restrictions
# and the lists it shows come from the content cache (clinic.caching.content_cache), so what is left is
# what is not kept: a form's choices, search results.
PAGE_BUDGETS = {
    "home": 0,
    "procedure index": 0,
    "procedure": 0,
    "condition index": 0,
    "condition": 0,
    "physician index": 0,
    "physician": 0,
    "news index": 0,
    "news post": 0,
    "standard page": 0,
    "standard subpage": 0,
    "where does it hurt": 0,
    "body region": 0,
    "location index": 0,
    "location": 0,
    "contact page": 0,
    "appointment request": 4,
    "insurance page": 0,
    "forms page": 0,
    "questions page": 0,
    "spanish home": 0,
    "spanish procedure index": 0,
    "spanish procedure": 0,
    "spanish contact page": 0,
    "spanish standard page": 0,
    "spanish appointment request": 4,
    "spanish questions page": 0,
    "appointment request sent": 1,
    "filtered directory": 1,  # the procedure chosen in the filter, checked against the list
    "not found": 4,
    "search results": 6 + SEARCH_TIME_LIMIT,  # one per kind of result shown, at most five
    # The same per kind of Spanish result (here procedures, conditions, news and general
    # pages), and two more for the English pages not yet in Spanish.
    "spanish search results": 9 + SEARCH_TIME_LIMIT,
    "spanish not found": 4,
    "procedure comparison": 0,
    "comparison with a bad choice": 0,
    "spanish procedure comparison": 0,
}

# Page type -> (address, the most queries it may take).
BUDGETS = {
    **{name: (ALL_PAGES[name], budget) for name, budget in PAGE_BUDGETS.items()},
    "appointment request about a page": ("/appointments/request/?about=4", 6),
    "search suggestions": ("/search/suggest/?q=pro", 2 + SEARCH_TIME_LIMIT),
    # For crawlers and feed readers.
    "news feed": ("/news/feed/", 4),
    "news atom feed": ("/news/atom/", 4),
    # One query per page type, whatever the number of pages, and one for the site's languages.
    "sitemap": ("/sitemap.xml", 20),
    "robots.txt": ("/robots.txt", 1),
}

# The first view after any change to content, when nothing is kept yet: the page, and the menu,
# the clinic's details and the other site-wide facts every page shows, all built again (they
# are kept under the content version, so a change made by any process is seen by every other).
FIRST_VIEW_BUDGETS = {
    "home": 24,
    "procedure index": 20,
    "procedure": 30,
    "condition": 22,
    "physician index": 26,
    "physician": 25,
    "news index": 20,
    "news post": 23,
    "body region": 21,
    "location": 22,
    "insurance page": 20,
    "forms page": 21,
}


def queries_for(client, url):
    client.get(url)  # first visit: fills the cache and makes image renditions
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == expected_status(url), url
    return len(captured)


def first_view_queries(client, url):
    """Queries of a view right after a change to content (made after the page's renditions)."""
    client.get(url)
    content_version.bump()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def add_content(scale):
    """
    `scale` times the demo clinic's content again, with every relation the measured pages show
    filled in and images on physicians and news posts.
    """
    regions = list(BodyRegion.objects.all())
    si_injection = ProcedurePage.objects.get(slug="sacroiliac-joint-injection")
    sciatica = ConditionPage.objects.get(slug="sciatica")
    jackson = PhysicianPage.objects.get(slug="howard-jackson", locale__language_code="en")
    relief_post = NewsPostPage.objects.get(slug="non-surgical-relief-for-spine-pain")

    conditions = [
        ConditionPageFactory(
            parent=ConditionIndexPage.objects.get(locale__language_code="en"),
            body_regions=regions[:2],
        )
        for _ in range(20 * scale)
    ]
    procedures = [
        ProcedurePageFactory(
            parent=ProcedureIndexPage.objects.get(locale__language_code="en"),
            body_regions=regions[i % 6 : i % 6 + 2],
            conditions_treated=[sciatica, conditions[i % len(conditions)]],
            prerequisites=[si_injection] if i % 10 == 0 else [],
        )
        for i in range(32 * scale)
    ]
    specialties = [SpecialtyFactory() for _ in range(scale)]
    locations = [
        LocationPageFactory(parent=LocationIndexPage.objects.get(locale__language_code="en"))
        for _ in range(2 * scale)
    ]
    anytown = LocationPage.objects.get(slug="anytown")
    physicians = []
    for i in range(2 * scale):
        physician = PhysicianPageFactory(
            parent=PhysicianIndexPage.objects.get(locale__language_code="en"),
            specialties=specialties,
            procedures_performed=[si_injection, procedures[i]],
            conditions_treated=[sciatica],
            locations=[anytown, locations[i]],
        )
        physician.photo = ImageFactory(
            title=f"Portrait {physician.pk}", file__width=320, file__height=320
        )
        physician.save()
        physicians.append(physician)
    for i in range(3 * scale):
        post = NewsPostPageFactory(
            parent=NewsIndexPage.objects.get(locale__language_code="en"), author=jackson
        )
        post.image = ImageFactory(title=f"News image {post.pk}", file__width=1200, file__height=675)
        post.related_procedures.add(si_injection, procedures[i])
        post.related_conditions.add(sciatica)
        post.featured_physicians.add(jackson, physicians[i % len(physicians)])
        post.save()

    si_injection.conditions_treated.add(*conditions[: 2 * scale])
    si_injection.prerequisites.add(*procedures[1 : 1 + scale])
    si_injection.save()
    sciatica.related_conditions.add(*conditions[: 2 * scale])
    sciatica.save()
    jackson.procedures_performed.add(*procedures[: 2 * scale])
    jackson.conditions_treated.add(*conditions[: 2 * scale])
    jackson.specialties.add(*specialties)
    jackson.locations.add(*locations)
    jackson.save()
    relief_post.related_procedures.add(*procedures[: 2 * scale])
    relief_post.related_conditions.add(*conditions[: 2 * scale])
    relief_post.featured_physicians.add(*physicians)
    relief_post.save()


@pytest.fixture(scope="module")
def populated(django_db_setup, django_db_blocker):
    """
    The demo clinic with as much content again, built once for this module's tests: each test
    runs in a savepoint inside this transaction, which is rolled back after the last one.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        add_content(1)
        yield
        transaction.set_rollback(True)


@pytest.mark.parametrize("page_type", BUDGETS)
def test_page_stays_within_its_query_budget(
    client, populated, page_type, django_assert_max_num_queries
):
    url, budget = BUDGETS[page_type]
    client.get(url)
    with django_assert_max_num_queries(budget):
        client.get(url)


@pytest.mark.parametrize("page_type", FIRST_VIEW_BUDGETS)
def test_first_view_after_a_change_stays_within_its_budget(client, populated, page_type):
    url = ALL_PAGES[page_type]
    assert first_view_queries(client, url) <= FIRST_VIEW_BUDGETS[page_type]


def test_query_counts_do_not_grow_with_tenfold_content(client, populated):
    def counts():
        return {
            **{page_type: queries_for(client, url) for page_type, (url, _) in BUDGETS.items()},
            **{
                f"{page_type}, first view": first_view_queries(client, ALL_PAGES[page_type])
                for page_type in FIRST_VIEW_BUDGETS
            },
        }

    before = counts()
    add_content(9)  # ten times the content of the populated clinic
    after = counts()
    grew = {page_type: (before[page_type], after[page_type]) for page_type in before}
    assert all(after[page_type] <= before[page_type] for page_type in before), grew
    # The pages really did fill up.
    assert ProcedurePage.objects.filter(locale__language_code="en").count() == 32 * 11
    physicians = client.get("/physicians/").content
    assert physicians.count(b'class="physician-card"') == 2 + 2 * 10
    assert physicians.count(b"<picture") == 2 * 10


def test_with_redis_refusing_connections_each_page_costs_a_first_view_then_nothing(
    client, populated, settings
):
    """
    No cliff without Redis: a process builds each page within the budget of the first view
    after a change (the site-wide facts it keeps itself), then serves its own copy.
    """
    settings.PAGE_CACHE = True
    redis_down.clear()
    nobody_listens = f"redis://127.0.0.1:{free_port()}/0"
    try:
        with override_settings(CACHES=redis_caches(nobody_listens)):
            for page_type, budget in FIRST_VIEW_BUDGETS.items():
                url = ALL_PAGES[page_type]
                assert first_view_queries(client, url) <= budget, page_type
                with CaptureQueriesContext(connection) as again:
                    response = client.get(url)
                assert response["X-Page-Cache"] == "hit", page_type
                assert len(again) == 0, page_type
        assert redis_down.is_down(nobody_listens)  # the pages above were built without Redis
    finally:
        redis_down.clear()
