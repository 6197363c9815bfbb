"""
Site search: Wagtail's database search over the clinic's pages, taught the words patients use.

A query is expanded with the editors' synonyms ("slipped disc" also searches "herniated disc").
Words match in any form ("injections", "injection"; see site_search.backends and .stemming),
and small words such as "my" and "the" are left out. A page is found when it has most of the
words of the query or of one of its synonyms: both of two words, two of three, three of four.
Pages whose title or other names say what the patient typed come first, then pages with more
of the words, then the database's own ranking (site_search.ranking). Editors' promoted results come before all, and
a search that finds nothing tries close spellings: the closest page title or other name ("did you
mean"), whose results it shows, on either database; where no name is close, PostgreSQL's
trigram matching where it is available.
"""

import difflib
from dataclasses import dataclass, field

from modelsearch.query import Fuzzy

from django.contrib.contenttypes.models import ContentType
from django.db import connection

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page, get_page_models
from wagtail.search.utils import normalise_query_string

from clinic.caching.cache import content_cache
from clinic.caching.content_cache import remember
from clinic.caching.content_version import current_version
from clinic.i18n import DEFAULT_LANGUAGE
from clinic.models import lines
from clinic.pages.translations import (
    active_locale_id,
    default_locale_id,
    language_note,
    language_of_page,
)

from .ranking import query_variants, rank
from .stemming import (
    content_stems,
    search_language,
    searching_in,
    stem_sequence,
)
from .terms import (
    build_query,
    first_words,
    search_words,
    synonyms,
)


MAX_QUERY_LENGTH = 200
MAX_RESULTS = 100
CACHE_TIMEOUT = 60 * 60


def searchable_models():
    """Page types that name their results (`search_result_type`), in the order results show."""
    models = [model for model in get_page_models() if model.__dict__.get("search_result_type")]
    return sorted(models, key=lambda model: model.search_result_type.order)


def result_types():
    return [model.search_result_type for model in searchable_models()]


def result_type_for(key):
    return next((result_type for result_type in result_types() if result_type.key == key), None)


def type_for_content_type_id(content_type_id):
    models = ContentType.objects.get_for_models(*searchable_models())
    for model, content_type in models.items():
        if content_type.pk == content_type_id:
            return model.search_result_type
    return None


def clean_query(text):
    """One line of plain words: no control characters, single spaces."""
    printable = "".join(char if char.isprintable() else " " for char in text or "")
    return " ".join(printable.split())


def fuzzy_search_available():
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        return cursor.fetchone() is not None


def vocabulary():
    """Titles, other names and synonym terms, for "did you mean"."""

    def build():
        words = set()
        for model in searchable_models():
            fields = ["title"] + (["also_known_as"] if hasattr(model, "also_known_as") else [])
            pages = model.objects.live().public().filter(locale=active_locale_id())
            for row in pages.values_list(*fields):
                words.add(row[0])
                if len(row) > 1:
                    words.update(lines(row[1]))
        words.update(term for term, _ in synonyms())
        return sorted(words)

    return remember("search-vocabulary", search_language(), build)


def did_you_mean(query):
    lowered = {word.lower(): word for word in vocabulary()}
    matches = difflib.get_close_matches(query.lower(), list(lowered), n=1, cutoff=0.75)
    if not matches:
        # Try the single words of the vocabulary too: "sciatia pain" -> "sciatica".
        words = {w.lower(): w for entry in lowered.values() for w in entry.split() if len(w) > 3}
        matches = difflib.get_close_matches(query.lower(), list(words), n=1, cutoff=0.8)
        return words[matches[0]] if matches else None
    suggestion = lowered[matches[0]]
    return suggestion if suggestion.lower() != query.lower() else None


def page_profiles(hits):
    """
    {page id: (the stems of its title, then of each other name; the stems of its summary, in
    order)} for the pages `hits`: what each page is about, in a few words. Each page's is kept
    in the cache under the content version, and read for the hits only: with 10,000 pages,
    reading every page's profile at once took longer than the search.
    """
    version = current_version()
    if version is None:  # no cache
        return profiles_from_database(hits)
    keys = {hit.pk: f"search-profile:{version}:{hit.pk}" for hit in hits}
    found = content_cache().get_many(list(keys.values()))
    profiles = {pk: found[key] for pk, key in keys.items() if key in found}
    computed = profiles_from_database([hit for hit in hits if hit.pk not in profiles])
    if computed:
        content_cache().set_many(
            {keys[pk]: profile for pk, profile in computed.items()}, CACHE_TIMEOUT
        )
    return {**profiles, **computed}


def profiles_from_database(hits):
    """page_profiles() of `hits`, in one query per page type among them."""
    ids_by_type = {}
    for hit in hits:
        ids_by_type.setdefault(hit.content_type_id, []).append(hit.pk)
    profiles = {}
    for model in searchable_models():
        ids = ids_by_type.get(ContentType.objects.get_for_model(model).pk)
        if not ids:
            continue
        other_names = hasattr(model, "also_known_as")
        fields = ["pk", "title", "also_known_as" if other_names else "title"]
        fields.append("summary" if hasattr(model, "summary") else "title")
        for pk, title, aliases, summary in model.objects.filter(pk__in=ids).values_list(*fields):
            names = [title, *(lines(aliases) if other_names else [])]
            profiles[pk] = ([content_stems(name) for name in names], stem_sequence(summary))
    return profiles


@dataclass
class SearchOutcome:
    query: str
    terms: list = field(default_factory=list)
    hits: list = field(default_factory=list)  # base Page objects, most relevant first
    promotions: list = field(default_factory=list)
    fuzzy: bool = False
    suggestion: str | None = None
    shortened: bool = False  # only the first MAX_WORDS different words were searched
    searched: str = ""  # the words searched

    def counts(self):
        counts = {result_type.key: 0 for result_type in result_types()}
        for hit in self.hits:
            counts[hit.result_type.key] += 1
        return counts


def searchable_pages():
    """The public pages of the types search finds, in the reader's language."""
    return Page.objects.live().public().type(*searchable_models()).filter(locale=active_locale_id())


def untranslated_pages():
    """
    For a reader of another language, the English pages not yet in it: the site's lists show
    them in English, and search finds them too (after the pages in the reader's language).
    """
    if active_locale_id() == default_locale_id():
        return None
    translated = Page.objects.live().filter(locale=active_locale_id()).values("translation_key")
    return (
        Page.objects.live()
        .public()
        .type(*searchable_models())
        .filter(locale=default_locale_id())
        .exclude(translation_key__in=translated)
    )


def search(query):
    """Search every public page type for `query` (already cleaned and not empty)."""
    words, shortened = first_words(search_words(query))
    if not words:
        return SearchOutcome(query=query)
    base = searchable_pages()
    hits, terms = ranked_hits(base, words)
    english = untranslated_pages()
    if english is not None:
        # Searched as English (its stems and small words), with the same synonyms: editors
        # map patients' Spanish words to the English ones ("ciática" -> "sciatica").
        with searching_in(DEFAULT_LANGUAGE):
            english_hits, english_terms = ranked_hits(english, words)
        hits += english_hits[: MAX_RESULTS - len(hits)]
        terms += [term for term in english_terms if term not in terms]
    fuzzy, suggestion = False, None
    if not hits:
        # A misspelling ("sciatia"): the closest title or other name, searched as usual, fast
        # on either database; PostgreSQL's trigram matching, which reads every page, only when
        # no name is close.
        suggestion = did_you_mean(words)
        if suggestion:
            hits, _ = ranked_hits(base, search_words(suggestion))
        elif fuzzy_search_available():
            hits = list(base.search(Fuzzy(words))[:MAX_RESULTS])
        fuzzy = bool(hits)
    for hit in hits:
        hit.result_type = type_for_content_type_id(hit.content_type_id)
    promotions = list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
        .select_related("page")
        .order_by("sort_order")
    )
    return SearchOutcome(
        query=query,
        terms=terms,
        hits=hits,
        promotions=promotions,
        fuzzy=fuzzy,
        suggestion=suggestion,
        shortened=shortened,
        searched=words,
    )


def ranked_hits(base, words):
    """The pages of `base` with most of the words or of a synonym's, best first; the terms."""
    search_query, terms = build_query(words)
    hits = list(base.search(search_query)[:MAX_RESULTS])
    if hits:
        hits = rank(base, hits, query_variants(terms), page_profiles(hits))
    return hits, terms


def suggest(query, limit=8):
    """Titles and addresses of pages whose title or other names start like the query."""
    words, _ = first_words(search_words(query))
    if not words:
        return []
    base = searchable_pages()
    pages = list(base.autocomplete(words)[:limit])
    english = untranslated_pages()
    if english is not None and len(pages) < limit:
        with searching_in(DEFAULT_LANGUAGE):
            pages += list(english.autocomplete(words)[: limit - len(pages)])
    results = []
    for page in pages:
        result_type = type_for_content_type_id(page.content_type_id)
        language = language_of_page(page)
        results.append(
            {
                "title": page.title,
                "url": page.url,
                "type": result_type.label if result_type else "",
                # A page not yet in the reader's language: the box marks it and says so.
                "lang": language,
                "note": language_note(language),
            }
        )
    return results
