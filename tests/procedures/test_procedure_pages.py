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
    main_entries = texts(a_to_z.select(".a-to-z__list > li:not(.a-to-z__alias) > a"))
    english = ProcedurePage.objects.live().filter(locale__language_code="en")
    assert len(main_entries) == english.count() == 32
    assert main_entries == sorted(main_entries, key=str.casefold)
    rhizotomy = [li for li in texts(a_to_z.select(".a-to-z__alias")) if li.startswith("Rhizotomy")]
    assert rhizotomy == ["Rhizotomy: see Radiofrequency medial branch neurotomy"]

    regions = page.select_one("#by-region").find_parent("section")
    # Where it hurts comes first, each part of the body a closed list that opens on a tap.
    assert page.select("main section.section")[0] is regions
    assert all(
        region.name == "details" and not region.has_attr("open")
        for region in regions.select(".region")
    )
    assert texts(regions.select(".region__summary .region__name"))[:6] == [
        "Head and face",
        "Neck",
        "Upper back",
        "Lower back",
        "Buttock and hip",
        "Arms and legs",
    ]
    lower_back = regions.select_one("#region-lower-back")
    assert "Sacroiliac joint injection" in texts(lower_back.select("a"))


def test_procedure_page_shows_facts_conditions_sequence_physicians_and_news(client):
    procedure = ProcedurePage.objects.get(slug="radiofrequency-medial-branch-neurotomy")
    physician = PhysicianPageFactory(
        parent=PhysicianIndexPage.objects.get(locale__language_code="en"),
        title="Alex Example",
        procedures_performed=[procedure],
    )
    post = NewsPostPageFactory(
        parent=NewsIndexPage.objects.get(locale__language_code="en"), title="RFA explained"
    )
    post.related_procedures.set([procedure])
    post.save()

    page = soup(client.get(procedure.url))
    glance = page.select_one(".glance")
    facts = dict(zip(texts(glance.select("dt")), texts(glance.select("dd")), strict=True))
    assert facts["Purpose"] == "To treat pain"
    # Two test blocks first, as the medial branch block page says; no promise of lasting relief.
    assert facts["Visits needed"].startswith("Usually three: two test medial branch blocks")
    assert facts["Comes after"] == "Medial branch block"
    assert facts["When relief usually starts"].startswith("Usually 1 to 3 weeks after")
    assert "The nerve can grow back" in facts["How long relief usually lasts"]
    assert "Rhizotomy" in page.select_one(".also-known-as").get_text()
    assert "Facet joint arthritis" in texts(page.select("#conditions-heading ~ ul a"))
    assert "Cervical radiofrequency ablation" in texts(page.select("#forms-heading ~ ul a"))
    assert texts(page.select(".physician-card .card__title")) == [physician.display_name]
    assert texts(page.select("#news-heading ~ ul a")) == ["RFA explained"]
    assert "What it is" in texts(page.select(".prose h2"))


def test_specific_form_links_to_its_broader_procedure(client):
    page = soup(client.get("/procedures/cervical-epidural-injection/"))
    assert page.select_one(".related-note a")["href"] == "/procedures/epidural-steroid-injections/"


def test_a_test_injection_never_tells_patients_that_a_good_result_leads_to_surgery(client):
    """The fusion page names the injection as coming first; the injection says nothing back."""
    fusion = ProcedurePage.objects.get(slug="sacroiliac-joint-fusion")
    injection = ProcedurePage.objects.get(slug="sacroiliac-joint-injection")
    assert injection in fusion.prerequisites.all()

    page = client.get(injection.url).content.decode()
    assert fusion.url not in page
    assert "followed by" not in page and "What may come next" not in page
    # The fusion page still says what comes before it.
    fusion_page = soup(client.get(fusion.url))
    assert "Sacroiliac joint injection" in texts(fusion_page.select("#sequence-heading ~ ul a"))


def test_an_other_name_shared_by_several_procedures_lists_them_all(client):
    page = soup(client.get("/procedures/"))
    entries = {
        li.get_text(" ", strip=True).split(":")[0]: li for li in page.select(".a-to-z__alias")
    }
    rfa = texts(entries["RFA"].select("a"))
    assert rfa == [
        "Cervical radiofrequency ablation",
        "Radiofrequency ablation of the hip and knee",
        "Radiofrequency medial branch neurotomy",
        "Sacroiliac radiofrequency ablation",
    ]
    # One page a line, so that a long list reads as a list.
    assert len(entries["Nerve block"].select(".a-to-z__see li a")) == 7
    assert len(entries["Neck epidural"].select("a")) == 1
    assert entries["Neck epidural"].select_one(".a-to-z__see") is None


def test_a_diagram_names_its_numbered_parts_in_text_under_it(client):
    page = soup(client.get("/procedures/sacroiliac-joint-injection/"))
    figure = page.select_one("main figure.figure")
    assert figure.select_one("img")["alt"].startswith("Diagram of the pelvis")
    labels = texts(figure.select("ol.figure__labels li"))
    assert labels == [
        "Sacroiliac joint: one on each side",
        "Hip bone (ilium)",
        "Sacrum: the base of the spine",
    ]
    # The numbers in the image match the order of the list; the words are real text, which
    # grows with the reader's text size.
    assert figure.select_one("ol.figure__labels + figcaption")
