"""
What search engines and social media read: titles, descriptions, canonical addresses, sharing
images, JSON-LD that agrees with the visible page, the sitemap, robots.txt and the news feeds.
"""

import datetime
import io
import json
import xml.etree.ElementTree as ET

import feedparser
import pytest
from bs4 import BeautifulSoup
from PIL import Image

from wagtail.models import Page, PageViewRestriction

from clinic.factories import SpecialtyFactory
from clinic.models import BodyRegion, ClinicSettings
from conditions.models import ConditionPage
from home.factories import StandardPageFactory
from news.factories import NewsPostPageFactory
from news.models import NewsIndexPage, NewsPostPage
from procedures.models import ProcedurePage
from tests.conftest import create_fictional_physician, record_fictional_review
from tests.pages import PAGES


pytestmark = pytest.mark.django_db

ROOT = "http://localhost"


# Every schema.org type the site states (checked against schema.org when added here).
SCHEMA_TYPES = {
    "AnatomicalStructure",
    "BreadcrumbList",
    "CollectionPage",
    "ContactPage",
    "GeoCoordinates",
    "ImageObject",
    "ListItem",
    "MedicalClinic",
    "MedicalCondition",
    "MedicalProcedure",
    "MedicalSignOrSymptom",
    "MedicalTherapy",
    "MedicalWebPage",
    "NewsArticle",
    "OpeningHoursSpecification",
    "Person",
    "Physician",
    "PostalAddress",
    "ProfilePage",
    "WebPage",
    "WebSite",
}

# Properties Google lists as required or recommended for the rich results these types feed.
REQUIRED = {
    "MedicalClinic": {"name", "address", "url", "telephone", "logo", "image"},
    "PostalAddress": {
        "streetAddress",
        "addressLocality",
        "addressRegion",
        "postalCode",
        "addressCountry",
    },
    "BreadcrumbList": {"itemListElement"},
    "ListItem": {"position", "name", "item"},
    "NewsArticle": {"headline", "image", "datePublished", "dateModified", "author"},
    "ProfilePage": {"mainEntity", "dateModified"},
    "Physician": {"name", "url", "address", "telephone"},
    "MedicalWebPage": {"mainEntity", "about", "name", "url"},
    "MedicalProcedure": {"name", "url"},
    "MedicalCondition": {"name", "url"},
    "WebSite": {"name", "url"},
    "OpeningHoursSpecification": {"opens", "closes"},  # and dayOfWeek or validFrom, below
}


def get_page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def json_ld(soup):
    scripts = soup.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    data = json.loads(scripts[0].string)
    assert data["@context"] == "https://schema.org"
    return data["@graph"]


def nodes(value):
    """Every dict with an @type anywhere in `value`."""
    if isinstance(value, dict):
        if "@type" in value:
            yield value
        for item in value.values():
            yield from nodes(item)
    elif isinstance(value, list):
        for item in value:
            yield from nodes(item)


def node_of_type(graph, schema_type):
    found = [node for node in graph if node["@type"] == schema_type]
    assert len(found) == 1, f"one {schema_type} expected in {[n['@type'] for n in graph]}"
    return found[0]


def by_id(graph, reference):
    return next(node for node in graph if node.get("@id") == reference["@id"])


def meta(soup, key):
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def visible_breadcrumbs(soup):
    trail = soup.select_one("nav.breadcrumbs")
    if trail is None:
        return []
    items = []
    for li in trail.select("li"):
        link = li.find("a")
        name = li.get_text(strip=True)
        items.append((name, link["href"] if link else None))
    return items


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


@pytest.mark.parametrize("name", PAGES)
def test_every_pages_json_ld_uses_schema_org_and_matches_the_breadcrumbs(client, name):
    url = PAGES[name]
    soup = get_page(client, url)
    graph = json_ld(soup)
    for node in nodes(graph):
        assert node["@type"] in SCHEMA_TYPES, node["@type"]
        missing = REQUIRED.get(node["@type"], set()) - set(node)
        assert not missing, f"{node['@type']} lacks {missing}"
        if node["@type"] == "OpeningHoursSpecification":
            assert "dayOfWeek" in node or node["validFrom"] == node["validThrough"]
    ids = {node["@id"] for node in graph if "@id" in node}
    for node in nodes(graph):
        for value in node.values():
            references = value if isinstance(value, list) else [value]
            for reference in references:
                if isinstance(reference, dict) and set(reference) == {"@id"}:
                    assert reference["@id"] in ids, f"dangling reference {reference}"

    clinic = by_id(graph, {"@id": f"{ROOT}/#clinic"})
    settings = ClinicSettings.objects.get()
    assert clinic["telephone"] == settings.phone_href.removeprefix("tel:")
    assert clinic["address"]["streetAddress"] in soup.find("address").get_text()

    page_node = graph[2]
    assert page_node["url"] == ROOT + url
    assert page_node["name"] == meta(soup, "og:title")

    crumbs = visible_breadcrumbs(soup)
    if name == "home":
        assert crumbs == []
        assert not [node for node in graph if node["@type"] == "BreadcrumbList"]
        return
    listed = node_of_type(graph, "BreadcrumbList")["itemListElement"]
    assert [item["position"] for item in listed] == list(range(1, len(crumbs) + 1))
    assert [item["name"] for item in listed] == [crumb_name for crumb_name, _ in crumbs]
    assert [item["item"] for item in listed[:-1]] == [ROOT + href for _, href in crumbs[:-1]]
    assert listed[-1]["item"] == ROOT + url
    assert page_node["breadcrumb"] == {"@id": f"{ROOT}{url}#breadcrumb"}


def test_the_home_page_states_the_clinic_with_its_hours_and_procedures(client):
    soup = get_page(client, "/")
    clinic = node_of_type(json_ld(soup), "MedicalClinic")
    assert clinic["name"] == ClinicSettings.objects.get().clinic_name
    assert clinic["url"] == ROOT + "/"
    assert clinic["logo"].endswith(".png")
    assert client.get(clinic["logo"].removeprefix(ROOT)).status_code == 200
    hours = clinic["openingHoursSpecification"]
    assert hours == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
            "opens": "08:00",
            "closes": "17:00",
        }
    ]
    footer_hours = soup.select_one("#footer-hours").find_parent("section").get_text()
    assert "Monday to Friday: 8 am to 5 pm" in footer_hours
    assert "Saturday and Sunday: closed" in footer_hours
    services = {service["url"] for service in clinic["availableService"]}
    live = ProcedurePage.objects.live()
    assert services == {ROOT + page.url for page in live}
    assert all(s["@type"] == "MedicalProcedure" for s in clinic["availableService"])


def test_a_procedure_page_states_the_procedure_and_its_review(client):
    physician = create_fictional_physician()
    page = record_fictional_review(physician)
    soup = get_page(client, page.url)
    graph = json_ld(soup)
    web_page = node_of_type(graph, "MedicalWebPage")
    procedure = by_id(graph, web_page["mainEntity"])
    assert procedure["@type"] == "MedicalProcedure"
    assert procedure["name"] == soup.h1.get_text(strip=True)
    assert procedure["alternateName"] == page.other_names
    assert procedure["procedureType"] == "https://schema.org/PercutaneousProcedure"
    assert procedure["bodyLocation"] == "Lower back, Buttock and hip"
    assert procedure["preparation"].startswith("Tell your physician about all the medicines")
    assert "thin needle into the joint" in procedure["howPerformed"]
    assert procedure["followup"].startswith("You rest for a short time")
    # The conditions it treats, as the page links them.
    about = {item["url"] for item in web_page["about"] if "url" in item}
    assert about == {ROOT + page.url for page in page.conditions_treated.live()}
    # The review patients see is the review search engines read.
    assert web_page["lastReviewed"] == page.last_reviewed.isoformat()
    assert web_page["reviewedBy"] == {
        "@type": "Person",
        "name": physician.display_name,
        "url": ROOT + physician.url,
    }
    review_line = soup.select_one(".review-line")
    assert physician.display_name in review_line.get_text()
    assert review_line.find("time")["datetime"] == web_page["lastReviewed"]


def test_an_unreviewed_procedure_states_no_review(client):
    graph = json_ld(get_page(client, "/procedures/botox-injections/"))
    web_page = node_of_type(graph, "MedicalWebPage")
    assert "lastReviewed" not in web_page and "reviewedBy" not in web_page


def test_a_condition_page_states_the_condition(client):
    page = ConditionPage.objects.get(slug="complex-regional-pain-syndrome")
    soup = get_page(client, page.url)
    graph = json_ld(soup)
    condition = by_id(graph, node_of_type(graph, "MedicalWebPage")["mainEntity"])
    assert condition["@type"] == "MedicalCondition"
    assert condition["name"] == soup.h1.get_text(strip=True)
    assert "RSD" in " ".join(condition["alternateName"])
    assert [s["name"] for s in condition["signOrSymptom"]] == page.symptom_list
    regions = [region.name for region in page.body_regions.all()]
    assert [a["name"] for a in condition["associatedAnatomy"]] == regions
    treatments = {t["url"] for t in condition["possibleTreatment"]}
    assert treatments == {ROOT + p.url for p in page.procedures.live()}
    assert treatments  # the demo links procedures to CRPS
    for url in treatments:
        assert soup.find("a", href=url.removeprefix(ROOT)), url


def test_a_physician_page_is_a_profile_of_a_physician(client):
    physician = create_fictional_physician()
    specialty = SpecialtyFactory(name="Anesthesiology for tests", schema_org="Anesthesia")
    physician.specialties.add(specialty)
    physician.save_revision().publish()
    soup = get_page(client, physician.url)
    graph = json_ld(soup)
    profile = node_of_type(graph, "ProfilePage")
    doctor = by_id(graph, profile["mainEntity"])
    assert doctor["@type"] == "Physician"
    assert doctor["name"] == physician.display_name
    assert doctor["medicalSpecialty"] == ["https://schema.org/Anesthesia"]
    assert doctor["isAcceptingNewPatients"] is True
    assert "accepting new patients" in soup.get_text().lower()
    assert doctor["practicesAt"] == {"@id": f"{ROOT}/#clinic"}
    assert [s["url"] for s in doctor["availableService"]] == [
        ROOT + "/procedures/sacroiliac-joint-injection/"
    ]
    assert meta(soup, "og:type") == "profile"


def test_a_news_post_is_a_news_article_by_its_author(client):
    physician = create_fictional_physician()
    post = NewsPostPage.objects.get(slug="non-surgical-relief-for-spine-pain")
    post.author = physician
    post.save_revision().publish()
    post.refresh_from_db()
    soup = get_page(client, post.url)
    graph = json_ld(soup)
    article = node_of_type(graph, "NewsArticle")
    assert article["headline"] == soup.h1.get_text(strip=True)
    assert article["datePublished"] == post.date.isoformat()
    assert article["dateModified"].startswith(post.last_published_at.date().isoformat())
    assert article["author"] == [
        {"@type": "Person", "name": physician.display_name, "url": ROOT + physician.url}
    ]
    assert article["image"] == [meta(soup, "og:image")]
    assert by_id(graph, article["mainEntityOfPage"])["@type"] == "WebPage"
    assert meta(soup, "og:type") == "article"


def test_json_ld_cannot_break_out_of_its_script(client):
    post = NewsPostPage.objects.get(slug="non-surgical-relief-for-spine-pain")
    post.title = "Pain </script><script>alert(1)</script> & more"
    post.save_revision().publish()
    soup = get_page(client, post.url)
    article = node_of_type(json_ld(soup), "NewsArticle")
    assert article["headline"] == "Pain </script><script>alert(1)</script> & more"
    assert not [s for s in soup.find_all("script") if "alert(1)" in (s.string or "")[:20]]


def test_editor_set_seo_title_description_and_sharing_image_win(client):
    from wagtail.test.utils.wagtail_factories import ImageFactory

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


# Sitemap and robots.txt


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - the site's own output
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    entries = {}
    for url in root.findall("s:url", ns):
        lastmod = url.find("s:lastmod", ns)
        entries[url.find("s:loc", ns).text] = lastmod.text if lastmod is not None else None
    return entries


def test_the_sitemap_lists_every_live_public_page_and_nothing_else(client):
    draft = StandardPageFactory(parent=Page.objects.get(url_path="/home/about/"), live=False)
    private = StandardPageFactory(parent=Page.objects.get(url_path="/home/about/"))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    entries = sitemap_entries(client)

    live_pages = Page.objects.live().public().filter(depth__gte=2)
    regions = BodyRegion.objects.count()
    assert len(entries) == live_pages.count() + regions
    expected = {page.full_url for page in live_pages.specific()}
    expected |= {
        f"{ROOT}/where-does-it-hurt/{slug}/"
        for slug in BodyRegion.objects.values_list("slug", flat=True)
    }
    assert set(entries) == expected
    assert draft.full_url not in entries and private.full_url not in entries
    assert not [url for url in entries if "?" in url or "/search/" in url]
    for lastmod in entries.values():
        datetime.date.fromisoformat(lastmod[:10])


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /search/" in lines
    assert "Disallow: /physicians/?" in lines  # filtered Find a Physician lists
    assert f"Sitemap: {ROOT}/sitemap.xml" in lines
    assert "Disallow: /" not in lines  # the site itself stays open


# News feeds


@pytest.mark.parametrize(("path", "version"), [("feed/", "rss20"), ("atom/", "atom10")])
def test_news_feeds_parse_and_list_the_newest_twenty_posts(client, path, version):
    index = NewsIndexPage.objects.get()
    for n in range(22):
        NewsPostPageFactory(
            parent=index,
            title=f"Clinic update {n}",
            summary=f"Summary of update {n}.",
            date=datetime.date(2025, 1, 1) + datetime.timedelta(days=n),
        )
    response = client.get(f"/news/{path}")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == version
    assert feed.feed.title.endswith(ClinicSettings.objects.get().clinic_name)
    assert len(feed.entries) == 20
    assert feed.entries[0].title == "Clinic update 21"  # newest first
    assert feed.entries[19].title == "Clinic update 2"
    for entry in feed.entries:
        assert entry.link.startswith(ROOT + "/news/")
        assert entry.summary.startswith("Summary of update")
        assert client.get(entry.link.removeprefix(ROOT)).status_code == 200


def test_pages_announce_the_feeds(client):
    soup = get_page(client, "/procedures/")
    links = {link["type"]: link["href"] for link in soup.find_all("link", rel="alternate")}
    assert links == {"application/rss+xml": "/news/feed/", "application/atom+xml": "/news/atom/"}
    demo = feedparser.parse(client.get("/news/feed/").content)
    assert {entry.title for entry in demo.entries} == set(
        NewsPostPage.objects.live().values_list("title", flat=True)
    )
