"""The tabs of the clinic details in Settings, in the order a site admin fills them in."""

from wagtail.admin.panels import (
    FieldPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)

from clinic.models.contact import PostalAddressMixin


CLINIC_SETTINGS_TABS = TabbedInterface(
    [
        ObjectList(
            [
                FieldPanel("clinic_name"),
                FieldPanel("demo_notice"),
                MultiFieldPanel(
                    [FieldPanel("phone"), FieldPanel("fax"), FieldPanel("email")],
                    heading="Phone and email",
                ),
                *PostalAddressMixin.address_panels,
            ],
            heading="Contact",
        ),
        ObjectList(
            [
                HelpPanel(
                    content=(
                        "When the phone is answered: patients see these hours as “Phone "
                        "hours” in the footer of every page, on the contact page and beside "
                        "every “Call us”. One row per day (two rows for a day with a lunch "
                        "break); days without a row are shown as closed. Each location's own "
                        "opening hours are on its page (Pages › Locations) and shown there."
                    )
                ),
                InlinePanel("hours", label="Phone hours"),
                FieldPanel("opening_hours_note"),
                FieldPanel("opening_hours_note_es"),
            ],
            heading="Phone hours",
        ),
        ObjectList(
            [
                FieldPanel("emergency_notice"),
                FieldPanel("emergency_notice_es"),
                MultiFieldPanel(
                    [
                        FieldPanel("on_call_phone"),
                        FieldPanel("after_hours_instruction"),
                        FieldPanel("after_hours_instruction_es"),
                    ],
                    heading="When the clinic is closed",
                ),
            ],
            heading="Emergencies and after hours",
        ),
        ObjectList([FieldPanel("appointment_message_enabled")], heading="Appointment requests"),
        ObjectList(
            [
                HelpPanel(
                    content=(
                        "Links to services other companies run for the clinic. The footer "
                        "and the contact page show them when set, and tell patients they "
                        "lead to another website."
                    )
                ),
                FieldPanel("patient_portal_url"),
                FieldPanel("bill_payment_url"),
            ],
            heading="Portal and payments",
        ),
        ObjectList(
            [
                FieldPanel("facebook_url"),
                FieldPanel("youtube_url"),
                FieldPanel("linkedin_url"),
                FieldPanel("instagram_url"),
                FieldPanel("social_image"),
            ],
            heading="Social media",
        ),
    ]
)
