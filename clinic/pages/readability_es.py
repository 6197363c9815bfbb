"""
How hard a Spanish page is to read: the Fernández-Huerta score (Spanish's adaptation of Flesch's
reading ease), for editors of the Spanish pages; clinic.pages.readability measures the English ones.

    score = 206.84 − 0.60 × syllables per 100 words − 1.02 × words per sentence

Fernández-Huerta (1959) is often quoted with “sentences per 100 words” as its last term, a
misprint: that would make long sentences easier. The term is Flesch's, words per sentence, as
in textstat and legible.es. Scale: 90–100 very easy, 80–90 easy, 70–80 fairly easy, 60–70
normal, below 60 hard. Patient pages should score 70 (“bastante fácil”) or more.

Syllables are counted by Spanish's regular rules, not with hyphenation patterns (pyphen): its
Spanish dictionary never breaks a line between two vowels, so it gives “dí-a”, “ma-re-o” and
“ra-dio-fre-cuen-cia” one syllable too few wherever the vowels are in hiatus.
"""

import re
from dataclasses import dataclass

from clinic.pages.readability import counts, page_units


PLAIN_LANGUAGE_SCORE = 70
# (lowest score, label) from the easiest band down, as editors see them in the panel.
SCALE = (
    (90, "very easy (muy fácil)"),
    (80, "easy (fácil)"),
    (70, "fairly easy (bastante fácil)"),
    (60, "normal (normal)"),
    (50, "fairly hard (bastante difícil)"),
    (30, "hard (difícil)"),
    (None, "very hard (muy difícil)"),
)
SCALE_LINE = (
    "90–100 muy fácil · 80–90 fácil · 70–80 bastante fácil · 60–70 normal · below 60 difícil"
)

LETTERS = "a-zA-ZáéíóúüñÁÉÍÓÚÜÑ"
WORD = re.compile(rf"[{LETTERS}0-9][{LETTERS}0-9'’]*")
# A sentence ends at . ! ? (or …) before a space and the next sentence's first letter or mark.
SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’»)]*\s+(?=[\"“«(¿¡]?[A-ZÁÉÍÓÚÑ0-9¿¡])")
STRONG = set("aeoáéó")
ACCENTED_WEAK = set("íú")
VOWELS = set("aeiouáéíóúü")


def _letters(word):
    """The word's sounding letters: “u” silent in que/qui/gue/gui, “y” a vowel only at the end."""
    word = word.lower()
    word = re.sub(r"(?<=[qg])u(?=[eiéí])", "", word)
    return word[:-1] + "i" if word.endswith("y") and len(word) > 1 else word


def syllables(word):
    """Spanish syllables: one per vowel nucleus; strong vowels and accented í, ú stand apart."""
    letters = _letters(word.strip("'’"))
    if not any(letter.isalpha() for letter in letters):
        return 1  # a number, e.g. "911"
    count = 0
    previous = ""
    for letter in letters:
        if letter not in VOWELS:
            previous = ""
            continue
        together = previous and not (
            (previous in STRONG and letter in STRONG)
            or previous in ACCENTED_WEAK
            or letter in ACCENTED_WEAK
        )
        if not together:
            count += 1
        previous = letter
    return max(count, 1)


@dataclass(frozen=True)
class SpanishReading:
    sentences: int
    words: int
    syllables: int

    @property
    def score(self):
        """The Fernández-Huerta score; None when there is nothing to read."""
        if not self.words:
            return None
        per_100_words = 100 * self.syllables / self.words
        return round(206.84 - 0.60 * per_100_words - 1.02 * self.words / self.sentences, 1)

    @property
    def band(self):
        score = self.score
        return next(label for low, label in SCALE if low is None or score >= low)

    @property
    def too_hard(self):
        return self.score is not None and self.score < PLAIN_LANGUAGE_SCORE


def measure(units):
    """The reading of a list of Spanish prose units (paragraphs, list items, lines)."""
    return SpanishReading(
        *counts(units, sentence_end=SENTENCE_END, word=WORD, syllables_of=syllables)
    )


def page_reading(page):
    """The reading of a Spanish page's prose: the fields its class lists in `reading_fields`."""
    return measure(page_units(page))
