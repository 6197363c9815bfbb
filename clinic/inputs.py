"""
Parameters read from an address or a form, checked before they reach the database: an id is
a few ASCII digits, a slug is letters, digits, "-" and "_". Anything else (a superscript "²",
5,000 digits, a NUL byte, which PostgreSQL refuses in text) reads as nothing, so the page
answers as if the parameter were absent or wrong, never with a server error.
"""

import re

from django import forms
from django.core.exceptions import ValidationError


ID = re.compile(r"[0-9]{1,9}")  # below 2**31: a valid id on every database
SLUG = re.compile(r"[-\w]{1,255}")  # \w: letters and digits of any script, and "_"; no controls


def page_id(value):
    """An id as a positive int, or None."""
    value = str(value if value is not None else "")
    return int(value) if ID.fullmatch(value) else None


def slug(value):
    """A slug, or None."""
    value = str(value if value is not None else "")
    return value if SLUG.fullmatch(value) else None


class PageChoiceField(forms.ModelChoiceField):
    """A choice of page by id that refuses a value no id can be (2**63, "²") as an invalid
    choice, before the database sees it."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if page_id(value) is None:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)
