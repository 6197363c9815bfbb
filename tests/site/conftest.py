"""
Fixtures for the tests of the site in English and in Spanish: a procedure the demo has in both
languages, and one whose Spanish translation is not published.
"""

import pytest

from wagtail.models import Locale

from procedures.models import ProcedurePage


@pytest.fixture
def spanish(site):
    """The demo's Spanish cervical epidural injection (the demo clinic is in both languages)."""
    return ProcedurePage.objects.get(slug="inyeccion-epidural-cervical")


@pytest.fixture
def kyphoplasty_not_yet_in_spanish(site):
    """Kyphoplasty as a page whose Spanish translation is not published (yet)."""
    english = ProcedurePage.objects.get(slug="kyphoplasty")
    english.get_translation(Locale.objects.get(language_code="es")).unpublish()
    return english
