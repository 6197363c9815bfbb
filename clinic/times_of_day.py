"""
Times of day as clinic staff type them in the admin ("3:00 pm", "3 pm", "9:30am", "noon",
"15:00"), read exactly or refused with the forms that work, never changed into another time.

Wagtail's own time widget has a picker that rewrites what was typed when the field loses
focus: "3:00 pm" became 03:00 and "3 pm" the time of day it was typed. So the admin's time
fields (the opening hours rows) get a plain text box and this reading instead
(`use_in_the_admin`, called once at start-up).
"""

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import models


NAMED = {"noon": datetime.time(12), "12 noon": datetime.time(12), "midday": datetime.time(12)}

TIME = re.compile(
    r"(?P<hour>\d{1,2})"
    r"(?:[:.]?(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?)?"
    r"\s*(?:(?P<half>[ap])\.?\s?m\.?)?"
)

EXAMPLES = "9 am, 9:30 am, 3 pm, 3:00 pm, noon or 15:00"

# Without am or pm, 1 to 6 could be the morning or the afternoon ("3:00" was meant as 3 pm
# when this went wrong); no clinic opens then, so the form asks rather than guesses. 7 to 11
# are the morning, 12 is noon and 13 to 23 the afternoon, as on a 24-hour clock.
AMBIGUOUS_HOURS = range(1, 7)


def parse(text):
    """
    The time `text` names, or a ValidationError saying why not, in words for clinic staff.
    Hours with am or pm are 1 to 12; without, the 24-hour clock ("09:00", "15:00").
    """
    typed = " ".join(str(text).split())
    words = typed.lower()
    if words in NAMED:
        return NAMED[words]
    match = TIME.fullmatch(words)
    if match is None:
        raise ValidationError(
            "“%(value)s” is not a time this form can read. Write it like " + EXAMPLES + ".",
            code="invalid",
            params={"value": typed},
        )
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    second = int(match["second"] or 0)
    half = match["half"]
    if half:
        if not 1 <= hour <= 12:
            raise ValidationError(
                "“%(value)s”: with am or pm, the hour is 1 to 12. Write it like " + EXAMPLES + ".",
                code="invalid",
                params={"value": typed},
            )
        hour = hour % 12 + (12 if half == "p" else 0)
    elif hour > 23:
        raise ValidationError(
            "“%(value)s” is not a time of day. Write it like " + EXAMPLES + ".",
            code="invalid",
            params={"value": typed},
        )
    elif hour in AMBIGUOUS_HOURS and not match["hour"].startswith("0"):
        raise ValidationError(
            "Is “%(value)s” in the morning or the afternoon? For the afternoon, write %(pm)s "
            "or %(clock)s; for the morning, %(am)s.",
            code="ambiguous",
            params={
                "value": typed,
                "am": display(datetime.time(hour, minute)),
                "pm": display(datetime.time(hour + 12, minute)),
                "clock": f"{hour + 12}:{minute:02d}",
            },
        )
    return datetime.time(hour, minute, second)


def display(value):
    """09:00 -> "9:00 am", 15:30 -> "3:30 pm", 12:00 -> "12:00 pm": the way it is typed."""
    hour = value.hour % 12 or 12
    return f"{hour}:{value.minute:02d} {'am' if value.hour < 12 else 'pm'}"


class TimeOfDayInput(forms.TextInput):
    """A plain text box (no picker to rewrite it), showing a saved time as "3:00 pm"."""

    def __init__(self, attrs=None):
        super().__init__(attrs={"autocomplete": "off", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, datetime.time):
            return display(value)
        return super().format_value(value)  # what was typed, shown again with its error


class TimeOfDayField(forms.TimeField):
    """A form's time field that reads times the way staff write them (see `parse`)."""

    widget = TimeOfDayInput

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.time):
            return value
        return parse(value)


def use_in_the_admin():
    """Every time field in Wagtail's admin forms (the opening hours rows) reads times so."""
    # Imported here: Wagtail's admin forms load models, which the app registry must have first.
    from wagtail.admin.forms.models import register_form_field_override

    register_form_field_override(
        models.TimeField, override={"form_class": TimeOfDayField, "widget": TimeOfDayInput}
    )
