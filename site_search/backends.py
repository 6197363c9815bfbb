"""
The search backend: Wagtail's database search, with word forms matched on SQLite as well.

PostgreSQL's English search already reduces words to their stems ("injections" -> "inject").
SQLite's full-text index does not, so there a patient's "injections" would miss a page that
says "injection". Here each word of a query on SQLite is searched as its stem and any ending
("inject*"), which is how `make run` finds what production finds. Where the stem is not the
start of the word ("therapy" -> "therapi") the part they share is searched ("therap*"). Stems
shorter than four letters ("hip", "si") are searched as they are, so that they do not match
every longer word.
"""

import os

from modelsearch.backends import database
from modelsearch.query import PlainText

from django.db import connection

from .stemming import stem


def SearchBackend(params):  # Wagtail looks the backend up by this name
    backend = database.SearchBackend(params)
    if connection.vendor != "sqlite" or not database.USE_SQLITE_FTS:
        return backend
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
                word = term.lower()
                stemmed = stem(word)
                # "rhizotomy" and "rhizotomies" both stem to "rhizotomi": search "rhizotom*".
                start = os.path.commonprefix([word, stemmed.removesuffix("i")])
                lexeme = Lexeme(start, prefix=True) if len(start) >= 4 else Lexeme(term)
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
