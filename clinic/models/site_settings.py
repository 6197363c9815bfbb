"""Facts about the clinic that appear on every page: one place for each of them."""

import re

from django.db import models

from wagtail.admin.panels import (
    FieldPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from .base import lines


@register_setting(icon="site")
class ClinicSettings(BaseSiteSetting):
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
    address = models.TextField(
        help_text="The clinic's postal address, one line per line as it should be printed.",
    )
    opening_hours = models.TextField(
        help_text="One line per group of days, e.g. “Monday to Friday: 8 am to 5 pm”.",
    )
    emergency_notice = models.TextField(
        max_length=300,
        default=(
            "If you have a medical emergency, call 911 or go to the nearest emergency room. "
            "Do not use this website or our phone line for emergencies."
        ),
        help_text="Shown at the foot of every page. Keep the words “call 911”.",
    )
    facebook_url = models.URLField("Facebook page", blank=True)
    youtube_url = models.URLField("YouTube channel", blank=True)
    linkedin_url = models.URLField("LinkedIn page", blank=True)
    instagram_url = models.URLField("Instagram profile", blank=True)

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("clinic_name"),
                    MultiFieldPanel(
                        [FieldPanel("phone"), FieldPanel("fax"), FieldPanel("email")],
                        heading="Phone and email",
                    ),
                    FieldPanel("address"),
                    FieldPanel("opening_hours"),
                ],
                heading="Contact",
            ),
            ObjectList([FieldPanel("emergency_notice")], heading="Emergency notice"),
            ObjectList(
                [
                    FieldPanel("facebook_url"),
                    FieldPanel("youtube_url"),
                    FieldPanel("linkedin_url"),
                    FieldPanel("instagram_url"),
                ],
                heading="Social media",
            ),
        ]
    )

    class Meta:
        verbose_name = "clinic details"

    @property
    def phone_href(self):
        """The phone number as a tel: link target, in international format for US numbers."""
        digits = re.sub(r"\D", "", self.phone)
        if len(digits) == 10:
            digits = "1" + digits
        return f"tel:+{digits}" if digits else ""

    @property
    def address_lines(self):
        return lines(self.address)

    @property
    def opening_hours_lines(self):
        return lines(self.opening_hours)

    @property
    def social_links(self):
        links = [
            ("Facebook", self.facebook_url),
            ("YouTube", self.youtube_url),
            ("LinkedIn", self.linkedin_url),
            ("Instagram", self.instagram_url),
        ]
        return [(name, url) for name, url in links if url]
