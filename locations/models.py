"""
Where patients are seen: /locations/ and a page per location, with its address, hours (and the
days they differ), directions and the physicians who practise there.
"""

import datetime
from decimal import Decimal
from urllib.parse import urlencode

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.templatetags.static import static
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.search import index

from clinic.caching.frozen_pages import ChangesWithTheClock
from clinic.models import BasePage, IndexPage, ListingFieldsMixin, SearchResultType
from clinic.models.contact import (
    OpeningException,
    OpeningHoursRow,
    PostalAddressMixin,
    opening_hours_schema,
    opening_status,
    tel_href,
    weekly_hours,
)
from clinic.pages.schema_org import LOGO, clinic_id, web_page_node
from clinic.pages.translations import in_language, source_of


# How far ahead a location page lists days with other hours than usual.
EXCEPTIONS_SHOWN_DAYS = 60


class LocationIndexPage(ChangesWithTheClock, IndexPage):
    """/locations/: every place the clinic sees patients."""

    child_model = "locations.LocationPage"
    subpage_types = [child_model]

    class Meta:
        verbose_name = "location index page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        locations = self.kept(
            request,
            "locations",
            lambda: in_language(
                self.live_children().order_by("path").prefetch_related("hours", "exceptions"),
                LocationPage.objects.prefetch_related("hours", "exceptions"),
            ),
        )
        now = timezone.now()  # whether each is open now is worked out afresh on every view
        for location in locations:
            location.status = location.opening_status(now)
        context["locations"] = locations
        return context


class LocationPage(ChangesWithTheClock, PostalAddressMixin, ListingFieldsMixin, BasePage):
    """A place where patients are seen, e.g. the main clinic."""

    search_result_type = SearchResultType("locations", _("Location"), _("Locations"), order=4)
    reading_fields = ("summary", "parking", "access")
    own_prefetch_related = ("hours", "exceptions")

    phone = models.CharField(
        max_length=30,
        help_text="This location's number, written as patients should read it, e.g. “(312) 555-0147”.",
    )
    fax = models.CharField(max_length=30, blank=True, help_text="Optional. For referring doctors.")
    latitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-90)), MaxValueValidator(Decimal(90))],
        help_text="Optional, for the map and directions links, e.g. 41.878113.",
    )
    longitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-180)), MaxValueValidator(Decimal(180))],
        help_text="e.g. -87.629799",
    )
    parking = models.TextField(
        blank=True,
        help_text="Where to park, what it costs, drop-off points. Plain sentences.",
    )
    access = models.TextField(
        "getting in",
        blank=True,
        help_text="Step-free access, lifts, wheelchairs to borrow, public transport nearby.",
    )

    parent_page_types = ["locations.LocationIndexPage"]
    subpage_types = []

    content_panels = [
        *BasePage.content_panels,
        *ListingFieldsMixin.listing_panels,
        *PostalAddressMixin.address_panels,
        MultiFieldPanel([FieldRowPanel([FieldPanel("phone"), FieldPanel("fax")])], heading="Phone"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")])],
            heading="Map position",
        ),
        FieldPanel("parking"),
        FieldPanel("access"),
    ]
    extra_tabs = [
        (
            "Opening hours",
            [
                HelpPanel(
                    content=(
                        "One row per day this location is open (two rows for a day with a "
                        "lunch break). Days without a row are shown as closed. Add holidays "
                        "and other days with different hours below. These are shown on this "
                        "location's page only; the clinic's phone hours, in the footer of every "
                        "page, are in Settings › Clinic details › Phone hours."
                    )
                ),
                InlinePanel("hours", label="Opening hours"),
                InlinePanel("exceptions", label="Day with different hours"),
            ],
        )
    ]

    search_fields = [
        *BasePage.search_fields,
        *ListingFieldsMixin.search_fields,
        index.SearchField("street_address"),
        index.SearchField("locality"),
        index.SearchField("parking"),
        index.SearchField("access"),
    ]

    class Meta:
        verbose_name = "location page"

    @property
    def phone_href(self):
        return tel_href(self.phone)

    @property
    def has_position(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def map_url(self):
        """OpenStreetMap centred on the location: a link, so the page loads nothing from it."""
        if not self.has_position:
            return super().map_url
        lat, lon = self.latitude, self.longitude
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"

    @property
    def directions_url(self):
        destination = (
            f"{self.latitude},{self.longitude}"
            if self.has_position
            else ", ".join(self.address_lines)
        )
        return "https://www.openstreetmap.org/directions?" + urlencode({"to": destination})

    def opening_status(self, now=None):
        return opening_status(self.hours.all(), self.exceptions.all(), now or timezone.now())

    def upcoming_exceptions(self, today=None):
        today = today or timezone.localdate()
        last = today + datetime.timedelta(days=EXCEPTIONS_SHOWN_DAYS)
        return [e for e in self.exceptions.all() if today <= e.date <= last]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["week"] = weekly_hours(self.hours.all(), timezone.localdate())
        context["status"] = self.opening_status()
        context["exception_list"] = self.upcoming_exceptions()
        if self.pk:  # reverse relations need a saved page; a preview of a new one has none
            # Physicians live above this app; reach them through the reverse relation.
            context["physician_list"] = self.kept(request, "physicians", self.physicians_here)
        return context

    def physicians_here(self):
        source = source_of(self)
        # Only the English profiles: a translation keeps a copy of the English relations.
        physicians = source.physicians.filter(locale_id=source.locale_id)
        return in_language(physicians.live().for_cards(), physicians.model.objects.for_cards())

    def get_schema_org(self, meta, context):
        place = {
            "@type": "MedicalClinic",
            "@id": f"{meta.url}#location",
            "name": self.title,
            "url": meta.url,
            "description": meta.description,
            "telephone": self.phone_href.removeprefix("tel:"),
            "address": self.postal_address_schema(),
            "parentOrganization": clinic_id(meta),
            "hasMap": self.map_url,
        }
        place["logo"] = meta.absolute(static(LOGO))
        if meta.image:
            place["image"] = meta.image_url
        if self.has_position:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(self.latitude),
                "longitude": float(self.longitude),
            }
        hours = opening_hours_schema(self.hours.all())
        if hours:
            place["openingHoursSpecification"] = hours
        special = [
            {
                "@type": "OpeningHoursSpecification",
                "validFrom": exception.date,
                "validThrough": exception.date,
                **(
                    {
                        "opens": exception.opens.strftime("%H:%M"),
                        "closes": exception.closes.strftime("%H:%M"),
                    }
                    if exception.opens
                    else {"opens": "00:00", "closes": "00:00"}
                ),
            }
            for exception in context.get("exception_list", ())
        ]
        if special:
            place["specialOpeningHoursSpecification"] = special
        physicians = context.get("physician_list")
        if physicians:
            place["employee"] = [
                {"@type": "Person", "name": p.display_name, "url": meta.page_url(p)}
                for p in physicians
            ]
        return [web_page_node(meta, self, mainEntity={"@id": place["@id"]}), place]


class LocationOpeningHours(OpeningHoursRow):
    location = ParentalKey(LocationPage, on_delete=models.CASCADE, related_name="hours")

    class Meta(OpeningHoursRow.Meta):
        verbose_name = "opening hours"
        verbose_name_plural = "opening hours"


class LocationOpeningException(OpeningException):
    location = ParentalKey(LocationPage, on_delete=models.CASCADE, related_name="exceptions")

    class Meta(OpeningException.Meta):
        verbose_name = "day with different hours"
        verbose_name_plural = "days with different hours"
