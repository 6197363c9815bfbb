"""
The site's Spanish uses one word per concept (locale/es/glossary.toml): none of the variants
the glossary rejects appears on a Spanish page of the demo or in the interface's messages.
"""

import re
import tomllib
from pathlib import Path

import polib  # wagtail-localize's own .po reader (one of its requirements)
import pytest
from bs4 import BeautifulSoup

from tests.translating.spanish_site import spanish_pages


pytestmark = pytest.mark.django_db

LOCALE = Path(__file__).resolve().parents[2] / "locale" / "es"


def rejected_variants():
    """{rejected variant: the glossary's word for it}, for every term of the glossary."""
    with open(LOCALE / "glossary.toml", "rb") as glossary:
        terms = tomllib.load(glossary)["term"]
    return {variant: term["spanish"] for term in terms for variant in term.get("rejected", ())}


def rejected_in(text):
    """The rejected variants in `text`, as whole words, in any case."""
    return [
        f"{variant!r} (say {word!r})"
        for variant, word in rejected_variants().items()
        if re.search(rf"(?<!\w){re.escape(variant)}(?!\w)", text, re.IGNORECASE)
    ]


def words(element):
    """Everything a reader or a screen reader gets of `element`, as one line."""
    element = BeautifulSoup(str(element), "html.parser")
    for code in element.select("script, style"):
        code.decompose()
    return " ".join(element.get_text(" ").split())


def test_the_glossary_names_a_word_and_its_rejected_variants_for_each_term():
    variants = rejected_variants()
    assert len(variants) > 20
    assert rejected_in("Llame a emergencias antes de conducir a casa.") == [
        "'conducir a casa' (say 'manejar')",
        "'llame a emergencias' (say 'llame al 911')",
    ]
    assert rejected_in("Conducir es fácil.") == []  # only the variants, not every form


def test_the_interface_messages_use_the_glossarys_words():
    messages = polib.pofile(str(LOCALE / "LC_MESSAGES" / "django.po"))
    found = {
        entry.msgid: rejected_in(" ".join([entry.msgstr, *entry.msgstr_plural.values()]))
        for entry in messages
        if not entry.obsolete
    }
    assert {msgid: words for msgid, words in found.items() if words} == {}


def test_the_spanish_pages_use_the_glossarys_words(client):
    found = {
        address: rejected_in(words(page.body)) for address, page in spanish_pages(client).items()
    }
    assert {address: words for address, words in found.items() if words} == {}
