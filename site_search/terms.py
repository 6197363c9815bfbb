"""
What a search asks the database for: the patient's words, cleaned, with the editors' synonyms
put in their place, as groups of most of the words (site_search.query runs it).
"""

import itertools
import math
import re

from modelsearch.query import Or, PlainText

from clinic.caching.content_cache import remember

from .models import SearchSynonym
from .ranking import MAX_WORDS, needed
from .stemming import stop_words, without_accents
from .stemming import words as plain_words


def search_words(query):
    """
    Only the words of a query, for the search backend: punctuation means nothing to patients'
    searches, and quotes or brackets would be read as search syntax by the database.
    """
    return " ".join(re.sub(r"[^\w\s]|_", " ", query).split())


def synonyms():
    """[(term, replacements)], kept under the content version (a synonym saved changes it)."""
    return remember(
        "search-synonyms",
        (),
        lambda: [(s.term, s.replacement_list) for s in SearchSynonym.objects.all()],
    )


def expanded_terms(query):
    """
    The query, then the query with each synonym put in place of the patient's words:
    "shot in the back" also searches "injection in the back".
    """
    terms = [query]
    plain_query = without_accents(query)  # "ciatica" is "ciática"
    for term, replacements in synonyms():
        # Matched as the query was cleaned: "didn't help" as "didn t help".
        words = without_accents(search_words(term))
        pattern = re.compile(rf"(?<!\w){re.escape(words)}(?!\w)", re.IGNORECASE)
        if pattern.search(plain_query):
            for replacement in replacements:
                variant = pattern.sub(replacement, plain_query)
                if variant.lower() not in {existing.lower() for existing in terms}:
                    terms.append(variant)
    return terms


def build_query(query):
    """
    Pages with most of the words of the query or of one of its synonyms (ranking.needed: both
    of two words, two of three), asked of the database as such, so that it ranks only those:
    with 10,000 pages, ranking every page with any one of the words took most of a search.
    rank() then orders them.
    """
    terms = expanded_terms(query)
    return Or([term_query(term) for term in terms]), terms


MAX_WORD_GROUPS = 10


def term_query(term):
    """
    Most of the words of `term`: any group of as many words as needed, all of them. The groups
    are counted before any is formed (20 words would make 168,000 groups of 11).
    """
    every = plain_words(term)
    small = stop_words()
    kept = list(dict.fromkeys([word for word in every if word not in small] or every))[:MAX_WORDS]
    if not kept or math.comb(len(kept), needed(len(kept))) > MAX_WORD_GROUPS:
        return PlainText(" ".join(kept) or term, operator="or")  # a long query: any of its words
    groups = itertools.combinations(kept, needed(len(kept)))
    return Or([PlainText(" ".join(group), operator="and") for group in groups])


def first_words(words):
    """
    The words of a query up to the MAX_WORDS-th different one, and whether any were left out:
    a search's work grows with its words, and nobody describes their pain in more than twelve.
    """
    kept, seen = [], set()
    for word in words.split():
        if word.lower() not in seen and len(seen) == MAX_WORDS:
            return " ".join(kept), True
        seen.add(word.lower())
        kept.append(word)
    return " ".join(kept), False
