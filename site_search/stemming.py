"""Word forms: "injections", "injected" and "injection" are one word to site search."""

import re
from functools import lru_cache

import snowballstemmer


# Words that say nothing about what a patient looks for. PostgreSQL's English search leaves
# them out too; here they are left out before counting how many of a query's words a page has.
_STOP_WORDS = """
    a about after all also am an and any are as at be been before but by can could did do does
    doing down during each for from get got had has have having he her here him his how i if in
    into is it its me more most my no nor not of off on once only or other our out over own she
    should so some such than that the their them then there these they this those through to too
    under until up very was we were what when where which while who why will with would you your
"""
STOP_WORDS = frozenset(_STOP_WORDS.split())

_stemmer = snowballstemmer.stemmer("english")


@lru_cache(maxsize=4096)
def stem(word):
    """The English stem of one lower-case word (the Snowball stemmer PostgreSQL uses too)."""
    return _stemmer.stemWord(word)


def words(text):
    return re.findall(r"[a-z0-9]+", (text or "").lower())


def stem_sequence(text):
    """The stems of the words that matter in `text`, in order, repeats kept."""
    return [stem(word) for word in words(text) if word not in STOP_WORDS]


def content_stems(text):
    """The stems of the words that matter in `text`, in order, without repeats."""
    stems = []
    for word in words(text):
        if word not in STOP_WORDS and stem(word) not in stems:
            stems.append(stem(word))
    return stems
