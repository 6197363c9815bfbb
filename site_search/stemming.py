"""
Word forms: "injections", "injected" and "injection" are one word to site search, and so are
"inyecciones" and "inyección". Each language has its stemmer (the Snowball stemmers PostgreSQL
uses too) and its small words; accents are left out, as patients often leave them out.
"""

import re
import unicodedata
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache

import snowballstemmer

from django.utils import translation

from clinic.i18n import DEFAULT_LANGUAGE, LANGUAGE_NAMES


# Words that say nothing about what a patient looks for. PostgreSQL's search leaves them out
# too; here they are left out before counting how many of a query's words a page has.
_STOP_WORDS = {
    "en": """
    a about after all also am an and any are as at be been before but by can could did do does
    doing down during each for from get got had has have having he her here him his how i if in
    into is it its me more most my no nor not of off on once only or other our out over own she
    should so some such than that the their them then there these they this those through to too
    under until up very was we were what when where which while who why will with would you your
    """,
    "es": """
    a al algo algun alguna algunas alguno algunos ante antes como con contra cual cuando de del
    desde donde durante e el ella ellas ellos en entre era es esa esas ese eso esos esta estan
    estas este esto estos fue ha hay la las le les lo los me mi mis mucho muy nada ni no nos o
    os otra otro para pero poco por porque que se sea ser si sin sobre son su sus tambien te
    tengo tiene tu tus u un una uno unos y ya yo
    """,
}
STOP_WORDS_BY_LANGUAGE = {
    language: frozenset(text.split()) for language, text in _STOP_WORDS.items()
}
STOP_WORDS = STOP_WORDS_BY_LANGUAGE[DEFAULT_LANGUAGE]
STEMMERS = {"en": "english", "es": "spanish"}

_searching_in = ContextVar("searching_in", default=None)


def search_language():
    """The language searched: the reader's, or the one `searching_in` names."""
    language = _searching_in.get() or (translation.get_language() or DEFAULT_LANGUAGE)[:2]
    return language if language in LANGUAGE_NAMES else DEFAULT_LANGUAGE


@contextmanager
def searching_in(language):
    """Search (or index) in `language`, whatever the reader's language is."""
    token = _searching_in.set(language)
    try:
        yield
    finally:
        _searching_in.reset(token)


def stop_words():
    return STOP_WORDS_BY_LANGUAGE.get(search_language(), STOP_WORDS)


def without_accents(text):
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=8192)
def _stem(word, language):
    return snowballstemmer.stemmer(STEMMERS.get(language, "english")).stemWord(word)


def stem(word):
    """The stem of one lower-case word without accents, in the language searched."""
    return _stem(word, search_language())


def words(text):
    return re.findall(r"[a-z0-9]+", without_accents((text or "").lower()))


def stem_sequence(text):
    """The stems of the words that matter in `text`, in order, repeats kept."""
    small = stop_words()
    return [stem(word) for word in words(text) if word not in small]


def content_stems(text):
    """The stems of the words that matter in `text`, in order, without repeats."""
    small = stop_words()
    stems = []
    for word in words(text):
        if word not in small and stem(word) not in stems:
            stems.append(stem(word))
    return stems
