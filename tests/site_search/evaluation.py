"""The search evaluation set (evaluation.toml) and its score, for the suite and `make bench`."""

import tomllib
from dataclasses import dataclass
from pathlib import Path

from site_search.query import search


QUERIES = Path(__file__).with_name("evaluation.toml")
TOP = 5


@dataclass
class Miss:
    query: str
    missing: list
    top: list


def load_queries():
    with QUERIES.open("rb") as data:
        return [(item["text"], item["expect"]) for item in tomllib.load(data)["query"]]


def recall_at_5(queries=None):
    """(recall, misses): the share of expected pages in each query's first five results."""
    found = expected = 0
    misses = []
    for text, expect in queries or load_queries():
        top = [hit.slug for hit in search(text).hits[:TOP]]
        missing = [slug for slug in expect if slug not in top]
        found += len(expect) - len(missing)
        expected += len(expect)
        if missing:
            misses.append(Miss(text, missing, top))
    return found / expected, misses
