"""Facts about the clinic that appear on every page: one place for each of them."""

from django.core.validators import URLValidator
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils.functional import cached_property

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from clinic.i18n import in_reader_language
from clinic.models.contact import (
    OpeningHoursRow,
    PostalAddressMixin,
    opening_hours_lines,
    opening_hours_schema,
    tel_href,
)
from clinic.models.fields import optional_link
from clinic.models.mixins import lines
from clinic.models.site_settings_tabs import CLINIC_SETTINGS_TABS


# Its own code: a form would show its generic "Enter a valid URL." for the code "invalid".
HTTPS_ONLY = URLValidator(
    schemes=["https"], message="Enter a secure address starting with https://.", code="not_https"
)


@register_setting(icon="site")
class ClinicSettings(PostalAddressMixin, BaseSiteSetting, ClusterableModel):
    clinic_name = models.CharField(
        max_length=120,
        default="Interventional Pain Management Clinic",
        help_text="Shown in the header of every page and in the browser tab.",
    )
    phone = models.CharField(
        max_length=30,
        help_text=(
            "The number patients call for appointments, written as patients should read it, "
            "e.g. “(312) 555-0147”. It is the “Call us” link on every page."
        ),
    )
    fax = models.CharField(max_length=30, blank=True, help_text="Optional. For referring doctors.")
    email = models.EmailField(
        blank=True,
        help_text="Optional. Only for general questions: ask patients not to send medical details by email.",
    )
    opening_hours_note = models.TextField(
        blank=True,
        help_text="Optional. Printed under the opening hours, e.g. “Closed on public holidays”.",
    )
    emergency_notice = models.TextField(
        max_length=300,
        default=(
            "If you have a medical emergency, call 911 or go to the nearest emergency room. "
            "Do not use this website or our phone line for emergencies."
        ),
        help_text="Shown at the foot of every page. Keep the words “call 911”.",
    )
    # What Spanish pages show instead (the rest of the details are names and numbers).
    emergency_notice_es = models.TextField(
        "emergency notice in Spanish",
        max_length=300,
        blank=True,
        default=(
            "Si tiene una emergencia médica, llame al 911 o vaya a la sala de emergencias más "
            "cercana. No use este sitio web ni nuestro teléfono para emergencias."
        ),
        help_text="The same notice for the Spanish pages. Keep the words “llame al 911”.",
    )
    on_call_phone = models.CharField(
        "on-call number",
        max_length=30,
        blank=True,
        help_text=(
            "Optional. A number that reaches a doctor or nurse when the clinic is closed, e.g. "
            "an answering service. Procedure and condition pages show it under “Call us if”."
        ),
    )
    after_hours_instruction = models.TextField(
        "when we are closed",
        max_length=300,
        default=(
            "If you cannot reach us, go to an urgent care center or an emergency room. "
            "Do not wait until we open."
        ),
        help_text=(
            "What patients should do about a problem that is not an emergency when the clinic "
            "is closed. Shown under every “Call us if” list on procedure and condition pages."
        ),
    )
    after_hours_instruction_es = models.TextField(
        "when we are closed, in Spanish",
        max_length=300,
        blank=True,
        default=(
            "Si no puede comunicarse con nosotros, vaya a un centro de atención urgente o a "
            "una sala de emergencias. No espere a que abramos."
        ),
        help_text="The same instruction for the Spanish pages.",
    )
    opening_hours_note_es = models.TextField(
        "opening hours note in Spanish",
        blank=True,
        help_text="Optional. The note above, for the Spanish pages.",
    )
    facebook_url = models.URLField("Facebook page", blank=True)
    youtube_url = models.URLField("YouTube channel", blank=True)
    linkedin_url = models.URLField("LinkedIn page", blank=True)
    instagram_url = models.URLField("Instagram profile", blank=True)
    # Services other companies run for the clinic: shown, marked as other websites, when set.
    patient_portal_url = models.URLField(
        "patient portal",
        blank=True,
        validators=[HTTPS_ONLY],
        help_text="Optional. Where patients sign in to see results and messages (https://…).",
    )
    bill_payment_url = models.URLField(
        "bill payment",
        blank=True,
        validators=[HTTPS_ONLY],
        help_text="Optional. Where patients pay a bill online (https://…).",
    )
    demo_notice = models.BooleanField(
        "show the demonstration notice",
        default=False,
        help_text=(
            "A line at the top of every page saying that this is a demonstration website and "
            "that its clinic, phone numbers, addresses, hours and insurance plans are made up. "
            "The demo content turns it on; turn it off once the details are the clinic's own."
        ),
    )
    appointment_message_enabled = models.BooleanField(
        "let patients add a message",
        default=False,
        help_text=(
            "Adds an optional message box to the online appointment request. Patients are "
            "asked not to write medical details in it. Leave it off unless the front desk "
            "needs it: anything patients write there is health information."
        ),
    )
    social_image = optional_link(
        "wagtailimages.Image",
        verbose_name="default sharing image",
        help_text=(
            "Shown when a page is shared on social media or in a messaging app and the page has "
            "no image of its own. At least 1200 × 630 pixels; it is cropped to that shape."
        ),
    )

    edit_handler = CLINIC_SETTINGS_TABS

    class Meta:
        verbose_name = "clinic details"

    @property
    def phone_href(self):
        return tel_href(self.phone)

    @property
    def emergency_text(self):
        return in_reader_language(self, "emergency_notice")

    @property
    def on_call_href(self):
        return tel_href(self.on_call_phone)

    @property
    def after_hours_text(self):
        return in_reader_language(self, "after_hours_instruction")

    @cached_property
    def opening_hours_lines(self):
        # Cached per language with the rest (clinic.navigation), so worked out in the reader's.
        note = in_reader_language(self, "opening_hours_note")
        return [*opening_hours_lines(self.hours.all()), *lines(note)]

    @cached_property
    def opening_hours_schema(self):
        return opening_hours_schema(self.hours.all())

    def prepare_for_cache(self):
        """Compute what templates read from related rows, so a cached copy needs no query."""
        prefetch_related_objects([self], "hours")
        self.opening_hours_lines  # noqa: B018
        self.opening_hours_schema  # noqa: B018
        if self.social_image_id:
            self.social_image  # noqa: B018
        return self

    @property
    def social_links(self):
        links = [
            ("Facebook", self.facebook_url),
            ("YouTube", self.youtube_url),
            ("LinkedIn", self.linkedin_url),
            ("Instagram", self.instagram_url),
        ]
        return [(name, url) for name, url in links if url]


class ClinicOpeningHours(OpeningHoursRow):
    settings = ParentalKey(ClinicSettings, on_delete=models.CASCADE, related_name="hours")

    class Meta(OpeningHoursRow.Meta):
        verbose_name = "opening hours"
        verbose_name_plural = "opening hours"
