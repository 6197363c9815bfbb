"""
How hard a page is to read: the Flesch-Kincaid grade level of the prose patients read.

Patient materials should read at US school grade 8 or below. Editors see the grade of the page
they are writing (ReadingLevelPanel), and a test keeps every demo patient page at or below it.

Only prose counts: paragraphs, list items, captions, questions and answers, short text fields.
Headings are left out (they are not sentences and would make a page look easier than it is).
A paragraph or list item without a full stop counts as one sentence.

Syllables are counted by rule, not from a dictionary: vowel groups, less a silent final "e",
plus the vowel pairs English splits in two ("ra-di-o", "ar-e-a", "neu-ral-gi-a").

Why not textstat (0.7.13, the latest; measured December 2026 on the 52 English procedure and
condition pages of the demo, the same prose given to both): the grades agree (mean difference
0.14 grade, largest 0.41, textstat 0.1 lower on average; no page over grade 8 by either), and
textstat's dictionary knows common words better (on 40 of the 117 words out of 1,693 where the two
counts differ, checked by hand: textstat right 27 times, e.g. "likely", "diabetes", "anyone";
this module 11, mostly medical words the dictionary lacks and hyphenation guesses, e.g.
"kyphoplasty" 2, "herniated" 3, "microdiscectomy" 4). Speed is the same once loaded (117 ms for
all 52 pages either way), but textstat's first call in each process takes 1.1 s to load the CMU
dictionary. What rules it out: it requires nltk (with regex, joblib, click, tqdm), and nltk
downloads the dictionary from raw.githubusercontent.com at run time on the first call; with no
network (or a blocked host) that call raises LookupError, and the editor's reading panel with it. Revisit
if textstat ships the dictionary in its wheel; hyphenation patterns alone (pyphen) mark where a
word may break, not its syllables ("medicine" gets one).
"""

import re
from dataclasses import dataclass
from html import unescape

from django.utils.html import strip_tags

from wagtail.blocks.list_block import ListValue
from wagtail.blocks.stream_block import StreamValue
from wagtail.blocks.struct_block import StructValue
from wagtail.rich_text import RichText


PLAIN_LANGUAGE_GRADE = 8

WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’]*")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“(]?[A-Z0-9])")
VOWEL_GROUP = re.compile(r"[aeiouy]+")
# Vowel pairs said as two syllables ("ra-di-o", "ar-e-a", "u-su-al", "flu-id"), except where an
# ending runs them together: -tion, -sion, -cial, -cian, -tious, -gious.
SPLIT_PAIR = re.compile(
    r"i[ao](?<![tcsgx]ia(?=[ln]))(?<![tcsgx]io(?=[nu]))|ea$|ua|uo|[^q]ui(?=[^aeiouy]*$)"
)
# A final "e" (or "es", "ed") that adds no syllable: "spine", "nerves", "numbed"; but "eases",
# "changes" and "injected" say it.
SILENT_E = re.compile(r"[^aeiouy]e$|[^aeiouyszxcgh]es$|[^aeiouytd]ed$")
BLOCK_END = re.compile(r"</(p|li|dd|dt|figcaption|blockquote)>|<br\s*/?>", re.IGNORECASE)
HEADING = re.compile(r"<h[1-6][^>]*>.*?</h[1-6]>", re.IGNORECASE | re.DOTALL)
# Parts of a block that are not prose: headings, the choices and media a block is made of.
NOT_PROSE = {"heading", "level", "tone", "image", "video", "title"}


def syllables(word):
    word = word.lower().strip("'’")
    if not word.isalpha():
        return 1  # a number or an abbreviation with digits, e.g. "911", "C5"
    count = len(VOWEL_GROUP.findall(word))
    count += len(SPLIT_PAIR.findall(word))
    if count > 1 and SILENT_E.search(word) and not word.endswith(("le", "les", "led")):
        count -= 1
    elif (
        word.endswith(("le", "les"))
        and len(word) > 2
        and word[-3 if word.endswith("le") else -4] in "aeiouy"
    ):
        count -= 1  # "whale", "sole": the e is silent after a vowel
    return max(count, 1)


@dataclass(frozen=True)
class Reading:
    sentences: int
    words: int
    syllables: int

    @property
    def grade(self):
        """Flesch-Kincaid grade level; None when there is nothing to read."""
        if not self.words:
            return None
        return round(
            0.39 * self.words / self.sentences + 11.8 * self.syllables / self.words - 15.59, 1
        )

    @property
    def too_hard(self):
        return self.grade is not None and self.grade > PLAIN_LANGUAGE_GRADE


def counts(units, *, sentence_end=SENTENCE_END, word=WORD, syllables_of=syllables):
    """(sentences, words, syllables) in a list of prose units, by a language's rules."""
    sentences = words = syllable_count = 0
    for unit in units:
        for sentence in sentence_end.split(unit.strip()):
            found = word.findall(sentence)
            if found:
                sentences += 1
                words += len(found)
                syllable_count += sum(syllables_of(each) for each in found)
    return sentences, words, syllable_count


def measure(units):
    """The reading of a list of prose units (paragraphs, list items, lines)."""
    return Reading(*counts(units))


def html_units(html):
    """Paragraphs and list items of a rich text's HTML, headings left out."""
    html = BLOCK_END.sub("\n", HEADING.sub("", html))
    return [line.strip() for line in unescape(strip_tags(html)).splitlines() if line.strip()]


def prose_units(value):
    """The prose of a field's value: plain text, rich text or a StreamField, recursively."""
    if value is None:
        return []
    if isinstance(value, RichText):
        return html_units(value.source)
    if isinstance(value, StreamValue):
        return [
            unit
            for child in value
            if child.block_type not in NOT_PROSE
            for unit in prose_units(child.value)
        ]
    if isinstance(value, StructValue):
        return [
            unit
            for name, part in value.items()
            if name not in NOT_PROSE
            for unit in prose_units(part)
        ]
    if isinstance(value, ListValue | list | tuple):
        return [unit for item in value for unit in prose_units(item)]
    if isinstance(value, str):
        if "<" in value and ">" in value:
            return html_units(value)
        return [line.strip() for line in value.splitlines() if line.strip()]
    return []


def page_units(page):
    """The prose of a page: the fields its class lists in `reading_fields`."""
    units = []
    for name in getattr(page, "reading_fields", ()):
        units += prose_units(getattr(page, name, None))
    return units


def page_reading(page):
    """The reading of a page's prose."""
    return measure(page_units(page))
