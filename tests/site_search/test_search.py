"""Site search: patient words, other names, typos, promoted results and suggestions."""

import pytest
from bs4 import BeautifulSoup

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from procedures.models import ProcedurePage
from site_search.models import SearchSynonym
from tests.site.test_query_budget import SEARCH_TIME_LIMIT


pytestmark = pytest.mark.django_db


def results(client, query, **params):
    response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in page.select(".search-result__title a")], page


def test_slipped_disc_finds_the_herniated_disc_page(client):
    titles, _ = results(client, "slipped disc")
    assert titles[0] == "Herniated disc"


def test_other_names_find_their_page(client):
    titles, _ = results(client, "rhizotomy")
    assert "Radiofrequency medial branch neurotomy" in titles[:2]
    assert "Cervical radiofrequency ablation" in titles[:3]
    titles, _ = results(client, "RSD")
    assert titles[0] == "Complex regional pain syndrome (CRPS)"


def test_rfa_finds_the_radiofrequency_pages(client):
    titles, _ = results(client, "RFA")
    for title in [
        "Radiofrequency medial branch neurotomy",
        "Cervical radiofrequency ablation",
        "Sacroiliac radiofrequency ablation",
    ]:
        assert title in titles


def test_patient_words_are_translated_by_synonyms(client):
    titles, _ = results(client, "shot in the back")
    assert "Epidural steroid injections" in titles
    titles, _ = results(client, "broken back")
    assert titles[0] == "Vertebral fracture"


def test_a_synonym_an_editor_adds_works_at_once(client):
    titles, page = results(client, "zapping the nerve")
    # No page uses these words: nothing, or only look-alike words on PostgreSQL.
    assert titles == [] or page.select_one(".search-note")
    SearchSynonym.objects.create(term="zapping the nerve", replacements="radiofrequency ablation")
    titles, page = results(client, "zapping the nerve")
    assert page.select_one(".search-note") is None
    assert "Cervical radiofrequency ablation" in titles


def test_a_misspelling_still_finds_the_page(client):
    titles, page = results(client, "sciatia")
    assert titles[0] == "Sciatica"
    assert "words that look like it" in page.select_one(".search-note").get_text()


def test_a_misspelling_offers_did_you_mean(client):
    _, page = results(client, "sciatia")
    link = page.select_one(".did-you-mean a")
    assert link.get_text() == "Sciatica" and link["href"] == "?q=Sciatica"


def test_results_say_what_they_are_and_can_be_narrowed_by_type(client):
    titles, page = results(client, "sacroiliac")
    kinds = {a.get_text(" ", strip=True) for a in page.select(".result-types a")}
    assert any(kind.startswith("Procedures (") for kind in kinds)
    assert any(kind.startswith("Conditions (") for kind in kinds)
    assert page.select_one(".search-result__type").get_text() in {"Procedure", "Condition"}
    only_conditions, page = results(client, "sacroiliac", type="conditions")
    assert only_conditions and set(only_conditions) < set(titles)
    assert {p.get_text() for p in page.select(".search-result__type")} == {"Condition"}
    assert (
        page.select_one(".result-types a[aria-current]")
        .get_text(" ", strip=True)
        .startswith("Conditions")
    )


def test_results_come_ten_to_a_page(client):
    titles, page = results(client, "pain")
    assert len(titles) == 10
    more = page.select_one(".pagination a[rel=next]")["href"]
    second, _ = results(client, "pain", page=2)
    assert second and not set(second) & set(titles) and "page=2" in more
    # A page number beyond the end shows the last page rather than an error.
    last, _ = results(client, "pain", page=999)
    assert last


def test_editors_promoted_results_come_first(client):
    query = Query.get("back pain")
    SearchPromotion.objects.create(
        query=query,
        page=ProcedurePage.objects.get(slug="medial-branch-block"),
        sort_order=0,
        description="The test that shows where back pain starts.",
    )
    _, page = results(client, "Back  Pain")
    promoted = page.select_one("#promoted-heading").find_parent("section")
    assert promoted.select_one(".card__title a").get_text() == "Medial branch block"


def test_nothing_found_offers_a_to_z_and_the_phone(client):
    titles, page = results(client, "qwertyuiop")
    assert titles == []
    box = page.select_one(".no-results")
    assert "No pages match" in box.get_text()
    hrefs = [a["href"] for a in box.select("a")]
    assert "/conditions/" in hrefs and "/procedures/" in hrefs and "tel:+13125550147" in hrefs


def test_an_empty_search_offers_ways_to_browse(client):
    _, page = results(client, "")
    assert page.h1.get_text() == "Search"
    assert page.find("a", string="Conditions A to Z")


def test_search_pages_are_not_indexed(client):
    _, page = results(client, "sciatica")
    assert page.select_one('meta[name="robots"]')["content"] == "noindex, follow"


@pytest.mark.parametrize(
    "query",
    [
        "<script>alert(1)</script>",
        "'; DROP TABLE wagtailcore_page; --",
        "émotions ☃ 日本語",
        "   ",
        "%",
        "\\",
    ],
)
def test_odd_queries_answer_safely(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_too_long_or_unknown_input_answers_400_with_a_message(client):
    response = client.get("/search/", {"q": "pain " * 60})
    assert response.status_code == 400
    assert "Your search is too long" in response.content.decode()
    response = client.get("/search/", {"q": "pain", "type": "spaceships"})
    assert response.status_code == 400
    assert "We do not have that kind of result" in response.content.decode()


def test_suggest_answers_json_titles_and_addresses(client):
    response = client.get("/search/suggest/", {"q": "sac"})
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    data = response.json()
    assert data["query"] == "sac"
    found = {item["title"]: item for item in data["results"]}
    assert found["Sacroiliac joint injection"] == {
        "title": "Sacroiliac joint injection",
        "url": "/procedures/sacroiliac-joint-injection/",
        "type": "Procedure",
        "lang": "en",
        "note": "",  # a page in the reader's language: nothing to say
    }
    assert len(data["results"]) <= 8


def test_suggest_needs_two_letters_and_refuses_essays(client):
    assert client.get("/search/suggest/", {"q": "s"}).json()["results"] == []
    response = client.get("/search/suggest/", {"q": "x" * 101})
    assert response.status_code == 400
    assert "fewer letters" in response.json()["error"]


def test_search_and_suggest_stay_within_query_budgets(client, django_assert_max_num_queries):
    client.get("/search/", {"q": "injection"})
    with django_assert_max_num_queries(12 + SEARCH_TIME_LIMIT):
        client.get("/search/", {"q": "injection"})
    client.get("/search/suggest/", {"q": "sac"})
    with django_assert_max_num_queries(3 + SEARCH_TIME_LIMIT):
        client.get("/search/suggest/", {"q": "sac"})
