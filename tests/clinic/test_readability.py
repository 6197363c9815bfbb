"""The reading grade editors see and the demo content is held to (clinic.pages.readability)."""

import pytest

from clinic.pages.readability import (
    PLAIN_LANGUAGE_GRADE,
    html_units,
    measure,
    prose_units,
    syllables,
)


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("pain", 1),
        ("spine", 1),
        ("nerves", 1),
        ("numbed", 1),
        ("injected", 3),
        ("eases", 2),
        ("people", 2),
        ("medicine", 3),
        ("physician", 3),
        ("special", 2),
        ("injection", 3),
        ("area", 3),
        ("radiofrequency", 6),
        ("neuralgia", 4),
        ("usually", 4),
        ("little", 2),
        ("911", 1),
    ],
)
def test_syllables_are_counted_as_they_are_said(word, count):
    assert syllables(word) == count


def test_short_sentences_and_everyday_words_read_at_a_low_grade():
    plain = measure(
        ["Your skin is numbed first. Most people feel some pressure. It is over in minutes."]
    )
    assert plain.sentences == 3
    assert plain.words == 15
    assert plain.grade < 4
    assert not plain.too_hard


def test_long_sentences_and_long_words_read_at_a_high_grade():
    sentence = (
        "Interventional pain management, alternatively designated interventional pain "
        "medicine, constitutes a medical discipline that identifies and therapeutically "
        "addresses nociceptive generators utilizing minimally invasive percutaneous techniques."
    )
    hard = measure([sentence])
    assert hard.sentences == 1
    assert hard.grade > 16
    assert hard.too_hard


def test_headings_are_left_out_and_each_list_item_is_a_sentence():
    units = html_units(
        "<h2>Before the procedure</h2><p>Tell us about your medicines.</p>"
        "<ul><li>Blood thinners</li><li>Allergies</li></ul>"
    )
    assert units == ["Tell us about your medicines.", "Blood thinners", "Allergies"]
    assert measure(units).sentences == 3


WHAT_TO_BRING = [
    "Your photo ID and insurance card",
    "A list of the medicines you take, with their doses",
    "Any scans or X-rays of your back or neck",
    "The name of the doctor who sent you to us",
    "Someone to drive you home if you have sedation",
]


def test_a_list_of_short_items_without_full_stops_reads_at_a_low_grade():
    # Each item is a sentence of its own. Run together, the same words would read as one
    # 45-word sentence, many grades harder.
    items = "".join(f"<li>{item}</li>" for item in WHAT_TO_BRING)
    as_list = measure(html_units(f"<p>Please bring:</p><ul>{items}</ul>"))
    run_together = measure([" ".join(WHAT_TO_BRING)])
    assert as_list.sentences == 1 + len(WHAT_TO_BRING)
    assert not as_list.too_hard
    assert run_together.sentences == 1
    assert run_together.too_hard
    assert as_list.grade < 4 < PLAIN_LANGUAGE_GRADE < run_together.grade


def test_each_line_of_a_plain_text_list_is_a_sentence():
    # A TextField's "- " lines, as the safety lists and "when to see a doctor" are written.
    reading = measure(prose_units("- " + "\n- ".join(WHAT_TO_BRING)))
    assert reading.sentences == len(WHAT_TO_BRING)
    assert reading.grade < 4


def test_nothing_to_read_has_no_grade():
    assert measure([]).grade is None
    assert measure(["", "  "]).grade is None
