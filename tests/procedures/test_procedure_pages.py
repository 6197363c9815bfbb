"""The procedure index and procedure pages."""

import pytest

from news.factories import NewsPostPageFactory
from news.models import NewsIndexPage
from physicians.factories import PhysicianPageFactory
from physicians.models import PhysicianIndexPage
from procedures.models import ProcedurePage
from tests.pages import soup, texts


pytestmark = pytest.mark.django_db


def test_procedure_index_lists_every_procedure_a_to_z_and_by_region(client):
    page = soup(client.get("/procedures/"))
    a_to_z = page.select_one("#a-to-z").find_parent("section")
    main_entries = texts(a_to_z.select(".a-to-z__list li:not(.a-to-z__alias) a"))
    assert len(main_entries) == ProcedurePage.objects.live().count() == 32
    assert main_entries == sorted(main_entries, key=str.casefold)
    rhizotomy = [li for li in texts(a_to_z.select(".a-to-z__alias")) if li.startswith("Rhizotomy")]
    assert rhizotomy == ["Rhizotomy: see Radiofrequency medial branch neurotomy"]

    regions = page.select_one("#by-region").find_parent("section")
    assert texts(regions.select("h3"))[:6] == [
        "Head and face",
        "Neck",
        "Upper back",
        "Lower back",
        "Buttock and hip",
        "Arms and legs",
    ]
    lower_back = regions.select_one("#region-lower-back").find_parent("section")
    assert "Sacroiliac joint injection" in texts(lower_back.select("a"))


def test_procedure_page_shows_facts_conditions_sequence_physicians_and_news(client):
    procedure = ProcedurePage.objects.get(slug="radiofrequency-medial-branch-neurotomy")
    physician = PhysicianPageFactory(
        parent=PhysicianIndexPage.objects.get(),
        title="Alex Example",
        procedures_performed=[procedure],
    )
    post = NewsPostPageFactory(parent=NewsIndexPage.objects.get(), title="RFA explained")
    post.related_procedures.set([procedure])
    post.save()

    page = soup(client.get(procedure.url))
    glance = page.select_one(".glance")
    facts = dict(zip(texts(glance.select("dt")), texts(glance.select("dd")), strict=True))
    assert facts["Purpose"] == "To treat pain"
    assert facts["Visits needed"].startswith("Two")
    assert facts["Comes after"] == "Medial branch block"
    assert "9 to 12 months" in facts["How long relief usually lasts"]
    assert "Rhizotomy" in page.select_one(".also-known-as").get_text()
    assert "Facet joint arthritis" in texts(page.select("#conditions-heading ~ ul a"))
    assert "Cervical radiofrequency ablation" in texts(page.select("#forms-heading ~ ul a"))
    assert texts(page.select(".physician-card .card__title")) == [physician.display_name]
    assert texts(page.select("#news-heading ~ ul a")) == ["RFA explained"]
    assert "What it is" in texts(page.select(".prose h2"))


def test_specific_form_links_to_its_broader_procedure(client):
    page = soup(client.get("/procedures/cervical-epidural-injection/"))
    assert page.select_one(".related-note a")["href"] == "/procedures/epidural-steroid-injections/"
