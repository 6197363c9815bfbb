"""
The search backend: Wagtail's database search, with each language's word forms.

PostgreSQL reduces words to their stems ("injections" -> "inject", "inyecciones" ->
"inyeccion") with the text-search configuration of the page's language: each page is indexed
with its own language's configuration, and a search uses the reader's (site_search.stemming
says which), so an English page is searched in English and a Spanish page in Spanish.

SQLite's full-text index does not stem, so there a patient's "injections" would miss a page
that says "injection". Here each word of a query on SQLite is searched as its stem and any
ending ("inject*"), which is how `make run` finds what production finds. Where the stem is not
the start of the word ("therapy" -> "therapi") the part they share is searched ("therap*").
Stems shorter than four letters ("hip", "si") are searched as they are, so that they do not
match every longer word. SQLite's index already ignores accents ("ciatica" finds "ciática").
"""

import os

from modelsearch.backends import database
from modelsearch.query import PlainText

from django.db import connection

from clinic.i18n import DEFAULT_LANGUAGE
from clinic.pages.translations import locale_ids

from .stemming import search_language, searching_in, stem, without_accents


# PostgreSQL's text-search configuration for each language of the site.
POSTGRES_CONFIGS = {"en": "english", "es": "spanish"}


def language_of(obj):
    locale_id = getattr(obj, "locale_id", None)
    if locale_id is None:
        return DEFAULT_LANGUAGE
    languages = {pk: code for code, pk in locale_ids().items()}
    return languages.get(locale_id, DEFAULT_LANGUAGE)


def SearchBackend(params):  # Wagtail looks the backend up by this name
    if connection.vendor == "postgresql":
        return postgres_backend(params)
    backend = database.SearchBackend(params)  # it finds out whether SQLite has FTS5
    if connection.vendor != "sqlite" or not database.USE_SQLITE_FTS:
        return backend
    # Imported here: each vendor's backend module looks up models only its own database has
    # (on PostgreSQL, the SQLite module fails to load with "no SQLiteFTSIndexEntry model").
    from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
    )

    class StemmingQueryCompiler(SQLiteSearchQueryCompiler):
        def build_search_query_content(self, query, config=None):
            if not isinstance(query, PlainText):
                return super().build_search_query_content(query, config=config)
            lexemes = None
            for term in query.query_string.split():
                word = without_accents(term.lower())
                stemmed = stem(word)
                # "rhizotomy" and "rhizotomies" both stem to "rhizotomi": search "rhizotom*".
                start = os.path.commonprefix([word, stemmed.removesuffix("i")])
                lexeme = Lexeme(start, prefix=True) if len(start) >= 4 else Lexeme(word)
                if lexemes is None:
                    lexemes = lexeme
                elif query.operator.upper() == "AND":
                    lexemes &= lexeme
                else:
                    lexemes |= lexeme
            return None if lexemes is None else SearchQueryExpression(lexemes, config=config)

    class StemmingSQLiteSearchBackend(SQLiteSearchBackend):
        query_compiler_class = StemmingQueryCompiler

    return StemmingSQLiteSearchBackend(params)


def postgres_backend(params):
    # Imported here, as the SQLite backend above: only PostgreSQL loads its backend module.
    from modelsearch.backends.database.postgres.postgres import (
        PostgresIndex,
        PostgresSearchBackend,
    )

    class LanguageIndex(PostgresIndex):
        def add_items(self, model, objs):
            by_language = {}
            for obj in objs:
                by_language.setdefault(language_of(obj), []).append(obj)
            for language, group in by_language.items():
                with searching_in(language):  # the indexer reads the backend's config
                    super().add_items(model, group)

    class LanguageSearchBackend(PostgresSearchBackend):
        index_class = LanguageIndex

        @property
        def config(self):
            return POSTGRES_CONFIGS.get(search_language(), POSTGRES_CONFIGS[DEFAULT_LANGUAGE])

        @config.setter
        def config(self, value):
            """Set by PostgresSearchBackend from SEARCH_CONFIG; the language decides instead."""

    return LanguageSearchBackend(params)
