"""What a patient sees on each kind of page, read from real responses."""

import datetime

import pytest
from bs4 import BeautifulSoup

from clinic.models import ClinicSettings
from news.factories import NewsPostPageFactory
from news.models import NewsIndexPage, NewsPostPage
from physicians.factories import PhysicianPageFactory
from physicians.models import PhysicianIndexPage, PhysicianPage
from procedures.models import ProcedurePage


pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def texts(elements):
    return [" ".join(element.get_text(" ", strip=True).split()) for element in elements]


def test_every_page_has_the_site_chrome(client):
    page = soup(client.get("/procedures/sacroiliac-joint-injection/"))
    skip = page.select_one("a.skip-link")
    assert skip["href"] == "#main-content" and page.select_one("main#main-content")
    assert page.find("html")["lang"] == "en"
    call = page.select_one("header a[href^='tel:']")
    assert call["href"] == "tel:+13125550147" and "Call us" in call.get_text()
    assert texts(page.select("nav[aria-label=Main] a")) == [
        "Procedures",
        "Conditions",
        "Find a Physician",
        "News",
        "About us",
    ]
    assert page.select_one("nav[aria-label=Main] a[aria-current]").get_text() == "Procedures"
    assert texts(page.select("nav[aria-label=Breadcrumb] li")) == [
        "Home",
        "Procedures",
        "Sacroiliac joint injection",
    ]
    footer = page.select_one("footer").get_text(" ", strip=True)
    assert "100 Example Avenue" in footer
    assert "Monday to Friday: 8 am to 5 pm" in footer
    assert "call 911" in footer
    assert len(page.find_all("h1")) == 1


def test_changing_the_clinic_phone_number_changes_every_page(client):
    assert b"(312) 555-0147" in client.get("/").content
    clinic = ClinicSettings.objects.get()
    clinic.phone = "(312) 555-0199"
    clinic.save()
    page = soup(client.get("/conditions/"))
    assert page.select_one("header a[href^='tel:']")["href"] == "tel:+13125550199"


def test_home_page_explains_and_leads_on(client):
    page = soup(client.get("/"))
    assert page.h1.get_text() == "Treating long-lasting pain at its source"
    headings = texts(page.find_all("h2"))
    for heading in [
        "What is interventional pain management?",
        "How is it different?",
        "Pain we treat",
        "Common procedures",
        "Your care team",
        "Latest news",
    ]:
        assert heading in headings
    assert "Neck pain" in texts(page.select(".pain-list li"))
    assert "Anesthesiologists" in page.select_one(".team-list").get_text()
    featured = [a["href"] for a in page.select("#procedures-heading ~ .card-list a")]
    assert featured[0] == "/procedures/sacroiliac-joint-injection/" and len(featured) == 6
    news = texts(page.select("#news-heading ~ .card-list .card__title"))
    assert news[0] == "Doctor profile: Faisal A. Chaudhry, M.D."
    assert page.select_one(".hero a[href='/physicians/']").get_text() == "Find a physician"
    assert page.select_one(".hero a[href^='tel:']")


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


def test_condition_index_lists_other_names_as_their_own_entries(client):
    page = soup(client.get("/conditions/"))
    main_entries = page.select(".a-to-z__list li:not(.a-to-z__alias) a")
    assert len(main_entries) == 20
    r_aliases = page.select("#letter-R .a-to-z__alias")
    (rsd,) = [li for li in r_aliases if li.get_text().startswith("Reflex sympathetic dystrophy")]
    assert rsd.get_text(" ", strip=True).startswith("Reflex sympathetic dystrophy (RSD): see")
    assert rsd.a["href"] == "/conditions/complex-regional-pain-syndrome/"
    assert [a.get_text() for a in page.select(".letter-bar a")][:3] == ["A", "B", "C"]


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


def test_condition_page_shows_the_procedures_that_treat_it(client):
    page = soup(client.get("/conditions/sciatica/"))
    procedures = texts(page.select("#procedures-heading ~ ul .card__title"))
    assert "Epidural steroid injections" in procedures
    assert "Selective nerve root block" in procedures
    assert "Lumbar radiculopathy" in page.select_one(".also-known-as").get_text()
    assert "Pain from the buttock down the back of one leg" in texts(page.select(".glance li"))
    assert "call 911" in page.select_one(".callout--warning").get_text().lower()


def test_physician_index_shows_photo_or_initials_specialties_and_new_patients(client):
    page = soup(client.get("/physicians/"))
    cards = page.select(".physician-list > .physician-card")
    assert texts(card.select_one(".card__title") for card in cards) == [
        "Faisal A. Chaudhry, M.D.",
        "Dr. Howard Jackson",
    ]
    assert cards[0].select_one(".physician-card__initials").get_text() == "FC"
    assert "Call us to ask about new patients" in cards[0].get_text()
    assert page.select_one(".result-count").get_text(" ", strip=True) == "2 physicians"


def test_physician_page_shows_what_they_treat_and_perform(client):
    procedure = ProcedurePage.objects.get(slug="sacroiliac-joint-injection")
    physician = PhysicianPageFactory(
        parent=PhysicianIndexPage.objects.get(),
        title="Sam Example",
        family_name="Example",
        procedures_performed=[procedure],
        conditions_treated=[procedure.conditions_treated.first()],
    )
    physician.accepting_new_patients = False
    physician.save_revision().publish()
    page = soup(client.get(physician.url))
    assert page.h1.get_text() == "Sam Example, M.D."
    assert texts(page.select("#procedures-heading ~ ul .card__title")) == [
        "Sacroiliac joint injection"
    ]
    assert texts(page.select("#conditions-heading ~ ul a"))
    assert "Not accepting new patients" in page.select_one(".profile-header").get_text()


def test_physician_page_lists_news_about_them(client):
    page = soup(client.get("/physicians/howard-jackson/"))
    assert texts(page.select("#news-heading ~ ul .card__title")) == [
        "Non-surgical relief for spine pain with Dr. Jackson",
        "Doctor profile: Dr. Howard Jackson",
    ]


def test_news_is_newest_first_ten_to_a_page(client):
    index = NewsIndexPage.objects.get()
    for day in range(8):  # with the 3 demo posts: 11 posts, two pages
        NewsPostPageFactory(parent=index, date=datetime.date(2025, 1, 1 + day))
    first = soup(client.get("/news/"))
    dates = [time["datetime"] for time in first.select(".news-list time")]
    assert len(dates) == 10 and dates == sorted(dates, reverse=True)
    assert first.select_one(".pagination a[rel=next]")["href"] == "?page=2"
    second = soup(client.get("/news/?page=2"))
    assert texts(second.select(".news-list .card__title")) == ["Doctor profile: Dr. Howard Jackson"]
    assert client.get("/news/?page=3").status_code == 404
    assert client.get("/news/?page=abc").status_code == 404


def test_news_post_shows_its_date_author_and_related_pages(client):
    post = NewsPostPage.objects.get(slug="non-surgical-relief-for-spine-pain")
    post.author = PhysicianPage.objects.get(slug="howard-jackson")
    post.related_procedures.set([ProcedurePage.objects.get(slug="medial-branch-block")])
    post.save_revision().publish()
    page = soup(client.get(post.url))
    assert page.select_one(".news-meta time")["datetime"] == "2016-05-10"
    assert page.select_one(".byline a")["href"] == "/physicians/howard-jackson/"
    assert "Dr. Howard Jackson" in texts(page.select(".aside a"))
    assert "Medial branch block" in texts(page.select(".aside a"))


def test_about_page_lists_its_sections(client):
    page = soup(client.get("/about/"))
    assert texts(page.select(".card__title")) == [
        "What is interventional pain management?",
        "Your care team",
    ]
    care_team = soup(client.get("/about/care-team/"))
    assert "Physiatrists" in care_team.select_one(".prose").get_text()
