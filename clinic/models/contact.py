"""
Where the clinic is and when it is open, as structured fields: printed for patients, and stated
to search engines as schema.org PostalAddress and OpeningHoursSpecification.
"""

import datetime
import re
from itertools import groupby
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from clinic import times_of_day
from clinic.i18n import wording_in_reader_language
from clinic.models.mixins import lines


def tel_href(phone):
    """A phone number as a tel: link target, in international format for US numbers."""
    digits = re.sub(r"\D", "", phone or "")
    if len(digits) == 10:
        digits = "1" + digits
    return f"tel:+{digits}" if digits else ""


class PostalAddressMixin(models.Model):
    # Defaults only fill existing rows when these fields are added; editors must fill them in.
    street_address = models.TextField(
        default="",
        help_text="The street and building, one line per line as it should be printed.",
    )
    locality = models.CharField("town or city", max_length=80, default="")
    region = models.CharField(
        "state", max_length=40, default="", help_text="e.g. “IL” or “Illinois”."
    )
    postal_code = models.CharField("ZIP code", max_length=12, default="")
    country = models.CharField(
        max_length=2,
        default="US",
        help_text="Two-letter country code, e.g. “US”.",
    )

    address_panels = [
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("locality"), FieldPanel("region")]),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("country")]),
            ],
            heading="Address",
        )
    ]

    class Meta:
        abstract = True

    @property
    def address_lines(self):
        """The address as printed: street lines, then “Town, ST 00000”."""
        last = " ".join(part for part in (self.region, self.postal_code) if part)
        town = ", ".join(part for part in (self.locality, last) if part)
        return [*lines(self.street_address), *([town] if town else [])]

    @property
    def map_url(self):
        """OpenStreetMap's search for the address: a link, so the page loads nothing from it."""
        return "https://www.openstreetmap.org/search?" + urlencode(
            {"query": ", ".join(self.address_lines)}
        )

    def postal_address_schema(self):
        return {
            "@type": "PostalAddress",
            "streetAddress": ", ".join(lines(self.street_address)),
            "addressLocality": self.locality,
            "addressRegion": self.region,
            "postalCode": self.postal_code,
            "addressCountry": self.country,
        }


class Weekday(models.IntegerChoices):
    # Python's date.weekday() numbering, so a date finds its row directly.
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class OpeningHoursRow(models.Model):
    """One weekday's opening hours. A weekday without a row is a closed day."""

    weekday = models.PositiveSmallIntegerField(choices=Weekday.choices)
    opens = models.TimeField(help_text="e.g. 8 am, 8:30 am or 08:00")
    closes = models.TimeField(help_text="e.g. 5 pm, 5:30 pm or 17:00")

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]

    class Meta:
        abstract = True
        ordering = ["weekday", "opens"]

    def clean(self):
        super().clean()
        check_closes_after_opens(self.opens, self.closes)


def check_closes_after_opens(opens, closes):
    """Refuse a closing time not after the opening time, naming both times as they were read."""
    if opens and closes and closes <= opens:
        message = "The closing time (%(closes)s) must be after the opening time (%(opens)s)."
        params = {"closes": times_of_day.display(closes), "opens": times_of_day.display(opens)}
        raise ValidationError({"closes": ValidationError(message, params=params)})


def format_time(value):
    """09:00 -> “9 am”, 17:30 -> “5:30 pm”, 12:00 -> “noon” (in the reader's language)."""
    if value.hour == 12 and value.minute == 0:
        return gettext("noon")
    hour = value.hour % 12 or 12
    suffix = gettext("am") if value.hour < 12 else gettext("pm")
    return f"{hour}:{value.minute:02d} {suffix}" if value.minute else f"{hour} {suffix}"


def format_span(opens, closes):
    return gettext("%(opens)s to %(closes)s") % {
        "opens": format_time(opens),
        "closes": format_time(closes),
    }


def _day_range(days):
    names = [str(Weekday(day).label) for day in days]
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return gettext("%(first)s and %(second)s") % {"first": names[0], "second": names[1]}
    return gettext("%(first)s to %(last)s") % {"first": names[0], "last": names[-1]}


def _hours_by_day(rows):
    """{weekday: ((opens, closes), ...)} for the days that have rows."""
    by_day = {}
    for row in sorted(rows, key=lambda row: (row.weekday, row.opens)):
        by_day.setdefault(row.weekday, []).append((row.opens, row.closes))
    return {day: tuple(spans) for day, spans in by_day.items()}


def _runs(by_day):
    """Consecutive weekdays with the same hours, Monday first: [(hours, [day, ...]), ...]."""
    runs = []
    for hours, group in groupby(Weekday.values, key=lambda day: by_day.get(day, ())):
        runs.append((hours, list(group)))
    return runs


def opening_hours_lines(rows):
    """“Monday to Friday: 8 am to 5 pm”, “Saturday and Sunday: closed”, from weekday rows."""
    if not rows:
        return []
    result = []
    for hours, days in _runs(_hours_by_day(rows)):
        if hours:
            times = ", ".join(format_span(opens, closes) for opens, closes in hours)
        else:
            times = gettext("closed")
        line = f"{_day_range(days)}: {times}"
        result.append(line[:1].upper() + line[1:])  # Spanish names days in lower case
    return result


def opening_hours_schema(rows):
    """schema.org OpeningHoursSpecification items, one per span of days with the same hours."""
    specs = []
    by_day = _hours_by_day(rows)
    for hours, days in _runs(by_day):
        for opens, closes in hours:
            specs.append(
                {
                    "@type": "OpeningHoursSpecification",
                    "dayOfWeek": [Weekday(day).name.title() for day in days],  # English names
                    "opens": opens.strftime("%H:%M"),
                    "closes": closes.strftime("%H:%M"),
                }
            )
    return specs


class OpeningException(models.Model):
    """A day with other hours than usual: a holiday (closed) or shorter hours."""

    date = models.DateField()
    reason = models.CharField(max_length=80, help_text="e.g. “Thanksgiving Day”.")
    reason_es = models.CharField(
        "reason in Spanish",
        max_length=80,
        blank=True,
        help_text="Optional. En español, e.g. “Día de Acción de Gracias”; else Spanish pages show the English.",
    )
    opens = models.TimeField(null=True, blank=True, help_text="Leave empty if closed all day.")
    closes = models.TimeField(null=True, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("reason"), FieldPanel("reason_es")]),
        FieldRowPanel([FieldPanel("opens"), FieldPanel("closes")]),
    ]

    class Meta:
        abstract = True
        ordering = ["date"]

    def clean(self):
        super().clean()
        if bool(self.opens) != bool(self.closes):
            raise ValidationError(
                "Give both the opening and the closing time, or neither if closed all day."
            )
        check_closes_after_opens(self.opens, self.closes)

    @property
    def spans(self):
        return ((self.opens, self.closes),) if self.opens else ()

    @property
    def reason_wording(self):
        """The reason in the reader's language, the English one marked as such (clinic.i18n)."""
        return wording_in_reader_language(self, "reason")


def _opens_when(date, today, time):
    """“Monday at 8 am”, “today at 1 pm”, “Thursday, December 24 at 8 am”."""
    offset = (date - today).days
    if offset == 0:
        return gettext("today at %(time)s") % {"time": time}
    if offset == 1:
        return gettext("tomorrow at %(time)s") % {"time": time}
    # Translators: a date format (Django's date filter): weekday, month and day.
    day = Weekday(date.weekday()).label if offset < 7 else date_format(date, gettext("l, F j"))
    return gettext("%(day)s at %(time)s") % {"day": day, "time": time}


def opening_status(rows, exceptions, now):
    """
    Whether a place with these weekly `rows` and dated `exceptions` is open at `now` (an aware
    datetime, read in the clinic's time zone), and when it next opens. Returns
    {"is_open": bool, "text": "Open now until 5 pm" | "Closed now. Opens Monday at 8 am"}.
    """
    local = timezone.localtime(now)
    today, time_now = local.date(), local.time()
    by_day = _hours_by_day(rows)
    by_date = {exception.date: exception for exception in exceptions}

    def spans_on(date):
        if date in by_date:
            return by_date[date].spans
        return by_day.get(date.weekday(), ())

    for opens, closes in spans_on(today):
        if opens <= time_now < closes:
            text = gettext("Open now until %(time)s") % {"time": format_time(closes)}
            return {"is_open": True, "text": text}
    closed = gettext("Closed now")
    if today in by_date and not by_date[today].spans:
        reason = by_date[today].reason_wording
        # An English reason stays out of a Spanish sentence: "Cerrado hoy" alone then.
        if not reason.language:
            closed = gettext("Closed today (%(reason)s)") % {"reason": reason}
    for offset in range(15):
        date = today + datetime.timedelta(days=offset)
        for opens, _closes in spans_on(date):
            if offset or opens > time_now:
                when = _opens_when(date, today, format_time(opens))
                text = gettext("%(closed)s. Opens %(when)s") % {"closed": closed, "when": when}
                return {"is_open": False, "text": text}
    return {"is_open": False, "text": closed}


def weekly_hours(rows, today):
    """[(weekday name, "8 am to 5 pm" or "Closed", is today), ...] from Monday to Sunday."""
    by_day = _hours_by_day(rows)
    week = []
    for day in Weekday:
        spans = by_day.get(day.value, ())
        text = ", ".join(format_span(o, c) for o, c in spans) or gettext("Closed")
        week.append((day.label, text, day.value == today.weekday()))
    return week
