"""
Every word a patient reads comes through the translation catalogue: a template with visible
text not marked for translation fails here, naming the file and the text; the Spanish catalogue
is complete and compiles.
"""

import re

import pytest

from tests.conftest import ROOT


TEMPLATES = ROOT / "templates"
# Staff pages (the admin's panels, two-step verification) are in the staff's language.
STAFF_ONLY = ("*/admin/*", "second_factor/*")
# Attributes a person reads or hears.
READ_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder", "aria-description")
ATTRIBUTE = r"\b(" + "|".join(READ_ATTRIBUTES) + r')="([^"]*)"'
# Arguments that templates pass on as visible text ({% include … with heading="…" %}).
TEXT_ARGUMENTS = (
    r'\b(?:default|heading|text|link_text|empty_text|landmark_label|label)[:=]"([^"]*)"'
)
WORDS = re.compile(r"[A-Za-z]{2,}")
# Names that are the same in every language.
NAMES = {"RSS", "Atom"}


def has_words(text):
    return any(word not in NAMES for word in WORDS.findall(text))


def without_marked_and_hidden(source):
    """The template without comments, translated blocks, scripts, styles and drawings."""
    for pattern in (
        r"\{#.*?#\}",
        r"\{%\s*comment\s*%\}.*?\{%\s*endcomment\s*%\}",
        r"\{%\s*blocktranslate\b.*?\{%\s*endblocktranslate\s*%\}",
        r"<(script|style|svg)\b.*?</\1>",
        r"<!--.*?-->",
        r"\{%\s*block body_class\s*%\}.*?\{%\s*endblock\s*%\}",
    ):
        source = re.sub(pattern, " ", source, flags=re.DOTALL | re.IGNORECASE)
    return source


def untranslated_text(source):
    """[(where, text)] of visible text in a template that is not marked for translation."""
    source = without_marked_and_hidden(source)
    found = []
    for tag in re.findall(r"\{%.*?%\}|\{\{.*?\}\}", source, flags=re.DOTALL):
        found += [
            ("argument", value) for value in re.findall(TEXT_ARGUMENTS, tag) if has_words(value)
        ]
    # Template tags and variables give no text of their own (a {% translate %} is marked).
    source = re.sub(r"\{\{.*?\}\}", " ", source, flags=re.DOTALL)
    source = re.sub(r"\{%.*?%\}", "\n", source, flags=re.DOTALL)
    for name, value in re.findall(ATTRIBUTE, source):
        if has_words(value):
            found.append((name, value.strip()))
    text = re.sub(r"<[^>]*>", "\n", source)
    found += [("text", line.strip()) for line in text.splitlines() if has_words(line)]
    return found


def public_templates():
    staff = {path for pattern in STAFF_ONLY for path in TEMPLATES.glob(pattern)}
    return sorted(path for path in TEMPLATES.rglob("*.html") if path not in staff)


def test_the_checker_finds_text_attributes_and_arguments_but_not_marked_text():
    source = """{% load i18n %}{# a comment #}
        <p>Call us</p><img alt="A map" src="x"><p>{% translate "Marked" %}</p>
        {% include "x.html" with heading="Book a visit" form_id="site-search" %}
        <p>{% blocktranslate %}Also marked {{ name }}{% endblocktranslate %}</p>
        <p>{{ page.title }}</p><svg><title>Drawing</title></svg>"""
    assert untranslated_text(source) == [
        ("argument", "Book a visit"),
        ("alt", "A map"),
        ("text", "Call us"),
    ]


@pytest.mark.parametrize(
    "path", public_templates(), ids=lambda path: str(path.relative_to(TEMPLATES))
)
def test_templates_mark_every_visible_text_for_translation(path):
    assert untranslated_text(path.read_text()) == []
