"""Every page of demo content a patient reads is written at grade 8 or below, most well below."""

import statistics

import pytest

from wagtail.models import Page

from clinic.models import BodyRegion
from clinic.pages.readability import PLAIN_LANGUAGE_GRADE, measure, page_reading
from clinic.templatetags.clinic_tags import first_sentence
from conditions.models import ConditionPage
from home.models import BodyRegionIndexPage


pytestmark = pytest.mark.django_db


def patient_pages():
    # The reading grade is measured on English (clinic.pages.readability); Spanish pages are not.
    return Page.objects.live().filter(locale__language_code="en").specific()


def page_readings():
    """Each English page's prose: its reading fields, or the intro of a page that lists things."""
    readings = {}
    for page in patient_pages():
        if getattr(page, "reading_fields", ()):
            readings[page.url] = page_reading(page)
        elif getattr(page, "intro", ""):
            readings[page.url] = measure([page.intro])
    return readings


def region_readings():
    """
    /where-does-it-hurt/<region>/: the region's description and the first sentence of each
    condition's summary, as its cards show them (the procedures are a list of names).
    """
    index = BodyRegionIndexPage.objects.live().get(locale__language_code="en")
    readings = {}
    for region in BodyRegion.objects.all():
        conditions = ConditionPage.objects.live().filter(
            locale__language_code="en", body_regions=region
        )
        url = index.url + index.reverse_subpage("region_detail", args=[region.slug])
        readings[url] = measure(
            [region.description, *(first_sentence(page.summary) for page in conditions)]
        )
    return readings


def test_every_patient_page_reads_at_grade_8_or_below():
    readings = {**page_readings(), **region_readings()}
    measured = {url: reading.grade for url, reading in readings.items() if reading.words}
    # The home page, 32 procedures, 20 conditions, the about pages, physicians, news, locations,
    # the sections' intros and the six parts of the body.
    assert len(measured) >= 75
    assert "/where-does-it-hurt/arms-and-legs/" in measured
    too_hard = {url: grade for url, grade in measured.items() if grade > PLAIN_LANGUAGE_GRADE}
    assert too_hard == {}
    assert statistics.median(measured.values()) <= 6.5
