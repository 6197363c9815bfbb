"""
A search costs little, whatever is typed: its words are capped before any work, the database's
share has a time limit, and one address cannot search without end.
"""

import time

import pytest
from bs4 import BeautifulSoup

from django.db import connection
from django.test import override_settings

from site_search import limits
from site_search import views as search_views
from site_search.limits import SearchTooSlow, time_limit


pytestmark = pytest.mark.django_db

SENTENCE = (
    "back neck knee hip shoulder nerve spine disc joint muscle burning numb tingling sharp dull "
    "aching stiff swollen weak cramp spasm throbbing shooting radiating morning night walking "
    "sitting standing lifting bending twisting sleeping driving working running climbing stairs "
    "injection block ablation stimulator therapy steroid epidural facet sacroiliac cervical "
    "lumbar thoracic sciatica arthritis headache migraine fracture surgery pain relief doctor "
    "clinic visit"
)
WORDS = SENTENCE.split()
assert len(set(WORDS)) >= 60

WORST_QUERIES = {
    "60 different words": " ".join(WORDS[:60]),
    "24 different words (22 s before)": " ".join(WORDS[:24]),
    "one word again and again": " ".join(["pain"] * 60),
    "two words in turn": " ".join(["back", "pain"] * 30),
    "only small words": " ".join(["the", "a", "of", "my", "in", "and", "to", "is"] * 7),
    "one long word": "x" * 200,
    "long words": " ".join(["radiofrequencyneurotomy"] * 8),
    "mixed scripts": "боль спина 腰痛 ألم الظهر dolor espalda πόνος back pain ∑∫ 😀 " * 2,
}


def searched(client, query, **extra):
    return client.get("/search/", {"q": query[:200]}, **extra)


@pytest.mark.parametrize("query", WORST_QUERIES.values(), ids=WORST_QUERIES.keys())
def test_the_worst_queries_answer_at_once(client, query, django_assert_max_num_queries):
    """
    The work asked of the database, not the seconds it took (`make bench` times searches): a
    few statements of bounded size, where 24 words once made a statement of 2.5 million groups.
    """
    with django_assert_max_num_queries(60) as asked:  # at most a dozen words, each asked once
        response = searched(client, query)
    assert response.status_code == 200
    longest = max(len(query["sql"]) for query in asked.captured_queries)
    assert longest < 10_000, longest  # about 2,500 characters each


def test_a_long_search_says_which_words_were_searched(client):
    response = searched(client, " ".join(WORDS[:20]))
    page = BeautifulSoup(response.content, "html.parser")
    note = page.select_one(".search-note").get_text(" ", strip=True)
    assert "we searched for the first 12" in note
    assert " ".join(WORDS[:12]) in note
    assert WORDS[12] not in note
    response = searched(client, "back pain " * 20)  # two different words: all searched
    assert not BeautifulSoup(response.content, "html.parser").select(".search-note")
    response = client.get("/es/search/", {"q": " ".join(WORDS[:20])})
    assert "buscamos las primeras 12" in response.content.decode()


@override_settings(SEARCH_RATE_LIMIT=(3, 60))
def test_one_address_searching_without_end_is_asked_to_wait(client):
    for word in ["back", "neck", "knee"]:
        assert client.get("/search/", {"q": word}).status_code == 200
    refused = client.get("/search/", {"q": "hip"})
    assert refused.status_code == 429
    assert refused["Retry-After"] == "60"
    page = BeautifulSoup(refused.content, "html.parser")
    assert "Please wait a minute" in page.select_one(".error-summary").get_text()
    # Another patient (another address) still searches.
    assert client.get("/search/", {"q": "hip"}, REMOTE_ADDR="10.0.0.2").status_code == 200
    # The empty search page costs nothing and stays open.
    assert client.get("/search/").status_code == 200


@override_settings(SUGGEST_RATE_LIMIT=(2, 60))
def test_suggestions_too_have_a_limit(client):
    for prefix in ["sc", "sci"]:
        assert client.get("/search/suggest/", {"q": prefix}).status_code == 200
    refused = client.get("/search/suggest/", {"q": "scia"})
    assert refused.status_code == 429
    assert refused.json()["error"]


def slow_query():
    """A query that keeps the database busy for seconds."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_sleep(5)")
        else:
            cursor.execute(
                "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n "
                "WHERE x < 500000000) SELECT count(*) FROM n"
            )


def test_the_database_stops_a_search_past_its_time_limit():
    started = time.monotonic()
    with pytest.raises(SearchTooSlow), time_limit(0.2):
        slow_query()
    assert time.monotonic() - started < 3  # stopped, not run to its end
    with connection.cursor() as cursor:  # and the connection works for what comes next
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)


def test_a_search_past_its_time_limit_gets_a_message(client, monkeypatch):
    def slow_search(query):
        slow_query()

    monkeypatch.setattr(search_views.site_search, "search", slow_search)
    monkeypatch.setattr(limits, "SEARCH_SECONDS", 0.2)
    response = client.get("/search/", {"q": "back pain"})
    assert response.status_code == 400
    page = BeautifulSoup(response.content, "html.parser")
    assert "took too long" in page.select_one(".error-summary").get_text()
