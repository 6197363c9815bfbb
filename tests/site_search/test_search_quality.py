"""
How well search answers patients: the evaluation set (evaluation.toml) on this database, word
forms, most-of-the-words matching, and pages named by the query first.
"""

import pytest
from bs4 import BeautifulSoup

from wagtail.models import Page

from .evaluation import load_queries, recall_at_5


pytestmark = pytest.mark.django_db


def first_results(client, query, count=5):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    return [
        a["href"].rstrip("/").rsplit("/", 1)[-1] for a in page.select(".search-result__title a")
    ][:count]


def test_each_query_of_the_evaluation_set_expects_live_pages_patients_can_find():
    """A page renamed or unpublished would otherwise count as a miss, or as nothing at all."""
    findable = set(Page.objects.live().public().values_list("slug", flat=True))
    for text, expect in load_queries():
        assert expect, text
        assert set(expect) <= findable, (text, set(expect) - findable)


def test_recall_at_5_over_patients_queries_is_at_least_95_percent():
    recall, misses = recall_at_5()
    report = "\n".join(f"{m.query!r}: missing {m.missing}, got {m.top}" for m in misses)
    assert recall >= 0.95, f"recall@5 {recall:.1%}\n{report}"


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("back pain", "neck-and-back-pain"),
        ("headaches", "cervicogenic-headache"),
        ("slipped disc", "herniated-disc"),
        ("stenosis", "spinal-stenosis"),
        ("back surgery did not help", "failed-back-surgery-syndrome"),
    ],
)
def test_the_page_the_query_names_comes_first(client, query, first):
    assert first_results(client, query)[0] == first


def test_back_pain_does_not_lead_to_pages_about_something_else(client):
    top = first_results(client, "back pain", count=7)
    assert "occipital-neuralgia" not in top
    assert "about" not in top


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("herniated discs", "herniated-disc"),  # a plural
        ("stimulators", "spinal-cord-stimulator"),  # "-tor" against "stimulation"
        ("injected into the hip", "ultrasound-guided-hip-joint-injection"),  # a verb form
        ("rhizotomies", "radiofrequency-medial-branch-neurotomy"),
    ],
)
def test_word_forms_match_on_every_database(client, query, slug):
    assert slug in first_results(client, query)


def test_a_page_with_most_of_the_words_is_found(client):
    # The piriformis page says "buttock" and "pain" but not "walking": two of three is enough.
    results = first_results(client, "buttock pain when walking", count=100)
    assert "ultrasound-guided-piriformis-injection" in results[:5]
    # Every result has both words of two: a page that only says "pain" is left out.
    results = first_results(client, "numbness in my foot", count=100)
    assert "sciatica" in results
    assert "about" not in results
