"""
Every word a patient reads comes through the translation catalogue: a template with visible
text not marked for translation fails here, naming the file and the text; the Spanish catalogue
is complete and compiles.
"""

import ast
import re

import polib
import pytest

from django.utils import translation
from django.utils.translation.template import templatize

from tests.processes import ROOT


TEMPLATES = ROOT / "templates"
CATALOGUE = ROOT / "locale" / "es" / "LC_MESSAGES" / "django.po"
# The apps whose Python code patients' words come from.
APPS = [
    "appointments",
    "clinic",
    "conditions",
    "first_visit",
    "home",
    "locations",
    "news",
    "physicians",
    "procedures",
    "site_search",
]
GETTEXT_NAMES = {"_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy"}
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


# The catalogue


def marked_in_templates():
    """Every message the public templates mark, as makemessages would find it."""
    found = set()
    call = re.compile(r"\b(n?gettext)\((u?'(?:[^'\\]|\\.)*')(?:, (u?'(?:[^'\\]|\\.)*'))?")
    for path in public_templates():
        for _name, singular, _plural in call.findall(templatize(path.read_text())):
            found.add(ast.literal_eval(singular))
    return found


def marked_in_python():
    """Every message the apps' Python code marks (_(), gettext(), gettext_lazy()...)."""
    found = set()
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text())):
                if (
                    isinstance(node, ast.Call)
                    and getattr(node.func, "id", getattr(node.func, "attr", None)) in GETTEXT_NAMES
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)
                ):
                    found.add(node.args[0].value)
    return found


def placeholders(text):
    return sorted(re.findall(r"%\(\w+\)[sd]|<[a-z]+|</[a-z]+>", text))


def test_the_spanish_catalogue_translates_every_marked_message():
    catalogue = polib.pofile(str(CATALOGUE))
    translated = {entry.msgid for entry in catalogue.translated_entries()}
    missing = (marked_in_templates() | marked_in_python()) - translated
    assert not missing, f"Not in {CATALOGUE.name} (run `make messages`, then translate): {missing}"
    assert not catalogue.fuzzy_entries()
    assert not catalogue.untranslated_entries()
    for entry in catalogue.translated_entries():
        forms = [entry.msgstr] if not entry.msgid_plural else list(entry.msgstr_plural.values())
        for form in forms:
            # The same %(names)s and tags, or the page would show an error or broken markup.
            expected = placeholders(entry.msgid)
            assert placeholders(form) == expected, (entry.msgid, form)


def test_the_build_compiles_the_catalogue_the_site_reads():
    assert CATALOGUE.with_suffix(".mo").exists(), "run `make install` (compile_translations)"
    with translation.override("es"):
        assert translation.gettext("Skip to main content") == "Saltar al contenido principal"
        assert translation.ngettext("%(counter)s physician", "%(counter)s physicians", 2) == (
            "%(counter)s médicos"
        )
