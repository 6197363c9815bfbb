"""schema.org JSON-LD on every page, built from the fields editors fill in and matching what patients see."""

import pytest

from clinic.factories import SpecialtyFactory
from clinic.models import ClinicSettings
from conditions.models import ConditionPage
from news.models import NewsPostPage
from procedures.models import ProcedurePage
from tests.fictional_content import create_fictional_physician, record_fictional_review
from tests.pages import PAGES, ROOT, get_page, json_ld, meta


pytestmark = pytest.mark.django_db


# Every schema.org type the site states (checked against schema.org when added here).
SCHEMA_TYPES = {
    "AnatomicalStructure",
    "Answer",
    "BreadcrumbList",
    "CollectionPage",
    "FAQPage",
    "ContactPage",
    "GeoCoordinates",
    "ImageObject",
    "ListItem",
    "MedicalClinic",
    "MedicalCondition",
    "MedicalEntity",
    "MedicalProcedure",
    "MedicalSignOrSymptom",
    "MedicalTest",
    "MedicalTherapy",
    "MedicalWebPage",
    "TherapeuticProcedure",
    "NewsArticle",
    "OpeningHoursSpecification",
    "Person",
    "Physician",
    "PostalAddress",
    "ProfilePage",
    "Question",
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
    "TherapeuticProcedure": {"name", "url"},
    "MedicalCondition": {"name", "url"},
    "WebSite": {"name", "url"},
    "OpeningHoursSpecification": {"opens", "closes"},
    "FAQPage": {"mainEntity"},
    "Question": {"name", "acceptedAnswer"},
    "Answer": {"text"},  # and dayOfWeek or validFrom, below
}


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
    if name.endswith("home"):
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
    live = ProcedurePage.objects.live().filter(locale__language_code="en")  # the page's language
    assert services == {ROOT + page.url for page in live}
    assert all(s["@type"] == "MedicalProcedure" for s in clinic["availableService"])


def test_a_procedure_page_states_the_procedure_and_its_review(client):
    physician = create_fictional_physician()
    page = record_fictional_review(physician)
    soup = get_page(client, page.url)
    graph = json_ld(soup)
    web_page = node_of_type(graph, "MedicalWebPage")
    procedure = by_id(graph, web_page["mainEntity"])
    assert procedure["@type"] == "TherapeuticProcedure"  # it treats pain, and has risks
    assert procedure["name"] == soup.h1.get_text(strip=True)
    assert procedure["alternateName"] == page.other_names
    assert procedure["procedureType"] == "https://schema.org/PercutaneousProcedure"
    assert procedure["bodyLocation"] == "Lower back, Buttock and hip"
    assert procedure["preparation"] == " ".join(page.before_list)
    assert procedure["adverseOutcome"][0]["name"] == page.common_risk_list[0]
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


def test_questions_on_a_page_are_stated_as_one_faq_with_the_answers_patients_read(client):
    soup = get_page(client, "/procedures/sacroiliac-joint-injection/")
    faq = node_of_type(json_ld(soup), "FAQPage")
    shown = [
        (item.summary.get_text(strip=True), item.select_one(".questions__answer").get_text(" "))
        for item in soup.select("details.questions__item")
    ]
    assert len(shown) >= 2
    assert [question["name"] for question in faq["mainEntity"]] == [q for q, _ in shown]
    for question, (_, answer) in zip(faq["mainEntity"], shown, strict=True):
        assert " ".join(answer.split()) in question["acceptedAnswer"]["text"]
    assert faq["isPartOf"] == {"@id": f"{ROOT}/procedures/sacroiliac-joint-injection/#webpage"}


def test_a_page_without_questions_states_no_faq(client):
    graph = json_ld(get_page(client, "/procedures/botox-injections/"))
    assert "FAQPage" not in [node["@type"] for node in graph]


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
    assert treatments == {ROOT + p.url for p in page.procedures.live().filter(locale=page.locale)}
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
