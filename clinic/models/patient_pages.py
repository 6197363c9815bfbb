"""
The pages a new patient needs before a first visit, chosen by site admins in the clinic's
details, and linked from the home page, every location page, the appointment confirmation and
the footer.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import HelpPanel, ObjectList, PageChooserPanel
from wagtail.models import Page

from clinic.models.fields import optional_link
from clinic.pages.translations import in_language, language_of_page


# (field, what links to it say, what they find there) in the order they are listed.
PATIENT_PAGES = [
    (
        "first_visit_page",
        _("Your first visit"),
        _("What to bring, how long it takes, getting home"),
    ),
    ("insurance_page", _("Insurance and billing"), _("The plans we accept and paying a bill")),
    ("forms_page", _("Patient forms"), _("Forms to fill in before you come")),
    ("questions_page", _("Common questions"), _("Referrals, sedation, driving and more")),
]


class PatientPagesMixin(models.Model):
    first_visit_page = optional_link(
        "wagtailcore.Page",
        help_text="What to bring, how long a visit takes, getting there, driving home.",
    )
    insurance_page = optional_link(
        "wagtailcore.Page", help_text="The insurance plans you accept and how billing works."
    )
    forms_page = optional_link(
        "wagtailcore.Page", help_text="The forms new patients print or fill in."
    )
    questions_page = optional_link(
        "wagtailcore.Page", help_text="Answers to the questions patients ask most."
    )

    patient_pages_panels = ObjectList(
        [
            HelpPanel(
                content=(
                    "The pages a new patient reads before a first visit. The home page, every "
                    "location page, the message patients see after asking for an appointment "
                    "and the footer link to those chosen here, in the reader's language where "
                    "the page is translated. Leave one empty to leave its link out."
                )
            ),
            PageChooserPanel("first_visit_page"),
            PageChooserPanel("insurance_page"),
            PageChooserPanel("forms_page"),
            PageChooserPanel("questions_page"),
        ],
        heading="Before a visit",
    )

    class Meta:
        abstract = True

    def patient_page_links(self):
        """[{"key", "title", "hint", "url"}...] for the chosen live pages, in the active language."""
        chosen = [(name, getattr(self, f"{name}_id")) for name, _label, _hint in PATIENT_PAGES]
        found = Page.objects.in_bulk([page_id for _name, page_id in chosen if page_id])
        pages = in_language(found.values(), keep_positions=True) if found else []
        localized = dict(zip(found, pages, strict=True))
        links = []
        for name, label, hint in PATIENT_PAGES:
            page = localized.get(getattr(self, f"{name}_id"))
            if page is not None and page.live and (url := page.get_url()):
                links.append(
                    {
                        "key": name.removesuffix("_page"),
                        "title": str(label),
                        "hint": str(hint),
                        "url": url,
                        "language": language_of_page(page),
                    }
                )
        return links
