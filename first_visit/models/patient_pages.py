"""
The pages a new patient needs before a first visit, chosen by site admins in Settings › Before a
visit, and linked from the home page, every location page, the appointment confirmation and the
footer (first_visit.before_a_visit).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import HelpPanel, ObjectList, PageChooserPanel

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
PATIENT_PAGE_FIELDS = [name for name, _label, _hint in PATIENT_PAGES]


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
        heading="Pages for new patients",
    )

    class Meta:
        abstract = True

    def patient_page_links(self):
        """
        [{"key", "title", "hint", "url", "language"}...] for the chosen live pages, in the active
        language. The chosen pages are read with this row (PATIENT_PAGE_FIELDS, select_related).
        """
        chosen = [
            (name, label, hint, getattr(self, name))
            for name, label, hint in PATIENT_PAGES
            if getattr(self, f"{name}_id")
        ]
        pages = in_language([row[3] for row in chosen], keep_positions=True) if chosen else []
        links = []
        for (name, label, hint, _chosen), page in zip(chosen, pages, strict=True):
            if page.live and (url := page.get_url()):
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
