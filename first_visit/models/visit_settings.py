"""
What a site admin keeps for new patients, per site (Settings › Before a visit): the insurance
plans the clinic accepts and the pages to read before a first visit.
"""

from django.db import models

from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from first_visit.models.insurance import note_insurance_changes
from first_visit.models.patient_pages import PatientPagesMixin
from first_visit.models.plan_listings import reindex_pages_listing_plans


INSURANCE_PANELS = ObjectList(
    [
        HelpPanel(
            content=(
                "The insurance plans the clinic accepts, as on patients’ cards. Pages show them "
                "where an editor adds an “Insurance plans” block, with the date of the last "
                "change and a reminder to call and check. While the list is empty, those pages "
                "leave the section out."
            )
        ),
        InlinePanel("insurance_plans", label="Insurance plan"),
        FieldPanel("insurance_updated_on", read_only=True),
    ],
    heading="Insurance",
)


@register_setting(icon="clipboard-list")
class FirstVisitSettings(PatientPagesMixin, BaseSiteSetting, ClusterableModel):
    insurance_updated_on = models.DateField(
        "insurance list last updated",
        null=True,
        blank=True,
        editable=False,
        help_text="Set to today whenever a plan is added, changed or removed. Patients see it.",
    )

    edit_handler = TabbedInterface([INSURANCE_PANELS, PatientPagesMixin.patient_pages_panels])

    class Meta:
        verbose_name = "before a visit"
        verbose_name_plural = "before a visit"

    def __str__(self):
        return f"Before a visit ({self.site})"

    def save(self, *args, **kwargs):
        plans_changed = note_insurance_changes(self)
        super().save(*args, **kwargs)  # saves the plans too
        if plans_changed:
            # Through the recorded relation (PageListingPlans): this site's pages, and only those.
            reindex_pages_listing_plans(self.site)
