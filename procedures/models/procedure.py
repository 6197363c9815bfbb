from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from clinic.blocks import BodyBlock
from clinic.models import (
    AlsoKnownAsMixin,
    BasePage,
    ListingFieldsMixin,
    MedicalReviewMixin,
    SearchResultType,
    listed,
)
from clinic.models.fields import optional_link
from clinic.models.safety import SafetyPartsForm
from clinic.pages.panels import LinkedPagesPanel
from clinic.pages.schema_org import body_sections, medical_entity, medical_web_page_node, page_links
from clinic.pages.translations import in_language, source_of
from first_visit.models import ListsPlansMixin

from ..related import related_procedures_in_language, suggested_comparisons
from ..safety import ProcedureSafetyMixin


class ProcedurePage(
    ProcedureSafetyMixin,
    MedicalReviewMixin,
    AlsoKnownAsMixin,
    ListingFieldsMixin,
    ListsPlansMixin,
    BasePage,
):
    """A procedure the clinic performs, e.g. a sacroiliac joint injection."""

    reading_fields = (
        "summary",
        "body",
        "before_procedure",
        "common_risks",
        "serious_risks",
        "call_911_if",
        "call_us_if",
    )
    base_form_class = SafetyPartsForm

    search_result_type = SearchResultType("procedures", _("Procedure"), _("Procedures"), order=1)
    clinic_service_type = "MedicalProcedure"

    appointment_subject = True

    class Purpose(models.TextChoices):
        DIAGNOSIS = "diagnosis", _("To find the source of pain")
        TREATMENT = "treatment", _("To treat pain")
        BOTH = "both", _("To find the source of pain and to treat it")

    class ProcedureType(models.TextChoices):
        # The values are schema.org's MedicalProcedureType members.
        PERCUTANEOUS = "PercutaneousProcedure", _("Through the skin, with a needle or thin tube")
        SURGICAL = "SurgicalProcedure", _("Surgery through a cut (incision)")
        NONINVASIVE = "NoninvasiveProcedure", _("Nothing goes through the skin")

    class Setting(models.TextChoices):
        OUTPATIENT = "outpatient", _("Outpatient: you go home the same day")
        INPATIENT = "inpatient", _("In hospital: you stay at least one night")
        EITHER = "either", _("Outpatient or in hospital, depending on the case")

    purpose = models.CharField(
        max_length=20,
        choices=Purpose.choices,
        blank=True,
        help_text="Whether the procedure finds the source of pain, treats it, or both.",
    )
    procedure_type = models.CharField(
        "how it reaches the body",
        max_length=30,
        choices=ProcedureType.choices,
        blank=True,
        help_text="Tells search engines what kind of procedure this is.",
    )
    body_regions = ParentalManyToManyField(
        "clinic.BodyRegion",
        related_name="procedures",
        blank=True,
        help_text="Where the pain it treats is felt. Used to group procedures by body region.",
    )
    conditions_treated = ParentalManyToManyField(
        "conditions.ConditionPage",
        related_name="procedures",
        blank=True,
        help_text="Conditions this procedure diagnoses or treats. Each condition page then lists this procedure.",
    )
    prerequisites = ParentalManyToManyField(
        "self",
        symmetrical=False,
        related_name="followed_by",
        blank=True,
        verbose_name="procedures that come first",
        help_text="Procedures a patient has before this one, e.g. a medial branch block before a radiofrequency neurotomy.",
    )
    general_procedure = optional_link(
        "self",
        related_name="specific_forms",
        verbose_name="a specific form of",
        help_text="If this is one form of a broader procedure (cervical epidural injection of epidural steroid injections), choose the broader one.",
    )
    setting = models.CharField(
        max_length=20,
        choices=Setting.choices,
        default=Setting.OUTPATIENT,
        help_text="Where the procedure is done and whether patients go home the same day.",
    )
    visits_needed = models.CharField(
        max_length=160,
        blank=True,
        help_text="How many visits it takes, e.g. “One visit” or “Two visits: a test block first, then the treatment”.",
    )
    medicines_used = models.CharField(
        max_length=200,
        blank=True,
        help_text="Medicines given during the procedure, in plain words, e.g. “A local anesthetic and a corticosteroid”.",
    )
    typical_relief_onset = models.CharField(
        "when relief usually starts",
        max_length=200,
        blank=True,
        help_text="When patients usually start to feel better, e.g. “Within a day for some, up to five days for others”.",
    )
    typical_relief_duration = models.CharField(
        "how long relief usually lasts",
        max_length=200,
        blank=True,
        help_text="How long relief usually lasts, e.g. “From several days to a few months”. Avoid promises.",
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        help_text=(
            "The full explanation, in sections: what it is, how it works, during and after, and "
            "questions patients ask. Risks, how to prepare and when to get help have their own "
            "tab (Safety). Sections whose heading starts with “During” or “After” also tell "
            "search engines how it is done and what follows."
        ),
    )

    parent_page_types = ["procedures.ProcedureIndexPage"]
    subpage_types = []

    content_panels = [
        *BasePage.content_panels,
        *ListingFieldsMixin.listing_panels,
        FieldPanel("body"),
    ]
    extra_tabs = [
        ("Safety", ProcedureSafetyMixin.safety_panels),
        (
            "At a glance",
            [
                HelpPanel(
                    content=(
                        "These facts fill the “At a glance” box near the top of the page, so "
                        "patients can compare procedures. Leave a field empty if it does not apply."
                    )
                ),
                FieldPanel("also_known_as"),
                FieldPanel("purpose"),
                FieldPanel("procedure_type"),
                FieldPanel("body_regions", widget=forms.CheckboxSelectMultiple),
                MultiFieldPanel(
                    [
                        FieldPanel("setting"),
                        FieldPanel("visits_needed"),
                        FieldPanel("medicines_used"),
                    ],
                    heading="The visit",
                ),
                MultiFieldPanel(
                    [
                        FieldPanel("typical_relief_onset"),
                        FieldPanel("typical_relief_duration"),
                    ],
                    heading="Relief",
                ),
            ],
        ),
        (
            "Related",
            [
                FieldPanel("conditions_treated", widget=forms.CheckboxSelectMultiple),
                LinkedPagesPanel(
                    "physicians",
                    heading="Physicians who perform it",
                    help_text="Chosen on each physician's profile, by a site admin.",
                    empty_text="No physician profile names this procedure yet.",
                ),
                FieldPanel("prerequisites", widget=forms.CheckboxSelectMultiple),
                FieldPanel("general_procedure", widget=forms.Select),
                InlinePanel(
                    "next_steps",
                    heading="What may come next",
                    label="Next step",
                    help_text=(
                        "Procedures a patient may have after this one, each with a sentence "
                        "of your own on when and why. Nothing appears here unless you write it."
                    ),
                ),
            ],
        ),
        ("Medical review", MedicalReviewMixin.review_panels),
    ]
    search_fields = [
        *BasePage.search_fields,
        *ListingFieldsMixin.search_fields,
        *ListsPlansMixin.search_fields,
        *AlsoKnownAsMixin.search_fields,
        index.SearchField("body"),
        index.SearchField("common_risks"),
        index.SearchField("serious_risks"),
    ]

    class Meta:
        verbose_name = "procedure page"

    def get_schema_org(self, meta, context):
        # A procedure that treats is a TherapeuticProcedure, the type that carries its risks.
        treats = self.purpose in (self.Purpose.TREATMENT, self.Purpose.BOTH)
        schema_type = "TherapeuticProcedure" if treats else "MedicalProcedure"
        procedure = medical_entity(meta, self, schema_type, "procedure")
        if self.procedure_type:
            procedure["procedureType"] = f"https://schema.org/{self.procedure_type}"
        regions = context.get("body_region_list")
        if regions:
            procedure["bodyLocation"] = ", ".join(region.shown_name for region in regions)
        procedure.update(body_sections(self.body))
        if self.before_list:
            procedure["preparation"] = " ".join(self.before_list)
        risks = self.common_risk_list + self.serious_risk_list
        if treats and risks:
            procedure["adverseOutcome"] = [
                {"@type": "MedicalEntity", "name": risk} for risk in risks
            ]
        conditions = page_links(meta, context.get("conditions", ()), "MedicalCondition")
        return [medical_web_page_node(meta, self, procedure, about=conditions), procedure]

    def related_content(self):
        # A translation shows its English page's relations, each page in the reader's language
        # where translated (clinic.pages.translations).
        source = source_of(self)
        related = {
            "body_region_list": list(source.body_regions.all()),
            # filter(live=True), not live(): in a preview these relations are held in memory.
            "conditions": in_language(
                listed(source.conditions_treated.filter(live=True)).order_by("title")
            ),
        }
        if source.pk:  # reverse relations need a saved page; a preview of a new one has none
            related["related_procedures"] = related_procedures_in_language(source)
            steps = [
                step
                for step in source.next_steps.select_related("procedure").defer("procedure__body")
                if step.procedure.live
            ]
            for step, procedure in zip(
                steps,
                in_language((step.procedure for step in steps), keep_positions=True),
                strict=True,
            ):
                step.procedure = procedure
            related["next_steps"] = steps
            # Only the English pages that point here: their translations keep a copy of the
            # English relations, and in_language puts each into the reader's language.
            physicians = source.physicians.filter(locale_id=source.locale_id)
            related["performing_physicians"] = in_language(
                physicians.live().for_cards(), physicians.model.objects.for_cards()
            )
            related["related_news"] = in_language(
                source.news_posts.live()
                .filter(locale_id=source.locale_id)
                .order_by("-date")
                .defer_streamfields()[:3]
            )
            related["compare_with"] = in_language(suggested_comparisons(source))
            parent = self.get_parent()
            related["compare_url"] = f"{parent.url}compare/" if parent else ""
        return related
