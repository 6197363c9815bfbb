"""Every page of demo content a patient reads is written at grade 8 or below, most well below."""

import statistics

import pytest

from wagtail.models import Page

from clinic.readability import PLAIN_LANGUAGE_GRADE, page_reading


pytestmark = pytest.mark.django_db


def patient_pages():
    # The reading grade is measured on English (clinic.readability); Spanish pages are not.
    pages = Page.objects.live().filter(locale__language_code="en").specific()
    return [page for page in pages if getattr(page, "reading_fields", ())]


def test_every_patient_page_reads_at_grade_8_or_below():
    readings = {page.url_path: page_reading(page) for page in patient_pages()}
    measured = {path: reading.grade for path, reading in readings.items() if reading.words}
    # The home page, 32 procedures, 20 conditions, the about pages, physicians, news, locations.
    assert len(measured) >= 60
    too_hard = {path: grade for path, grade in measured.items() if grade > PLAIN_LANGUAGE_GRADE}
    assert too_hard == {}
    assert statistics.median(measured.values()) <= 6.5
