from django import forms
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from clinic.blocks import RICH_TEXT_FEATURES, BodyBlock
from clinic.models import (
    AlsoKnownAsMixin,
    AToZIndexPage,
    BasePage,
    ListingFieldsMixin,
    MedicalReviewMixin,
    SearchResultType,
    lines,
    listed,
)
from clinic.models.fields import LinesField
from clinic.models.safety import CallNineOneOneMixin, SafetyPartsForm
from clinic.pages.panels import LinkedPagesPanel
from clinic.pages.schema_org import medical_entity, medical_web_page_node, page_links
from clinic.pages.translations import in_language, source_of
from first_visit.models import ListsPlansMixin


class ConditionIndexPage(AToZIndexPage):
    """/conditions/: every condition the clinic treats, A to Z, other names included."""

    child_model = "conditions.ConditionPage"
    subpage_types = [child_model]
    context_object_name = "conditions"

    class Meta:
        verbose_name = "condition index page"


class ConditionPage(
    CallNineOneOneMixin,
    MedicalReviewMixin,
    AlsoKnownAsMixin,
    ListingFieldsMixin,
    ListsPlansMixin,
    BasePage,
):
    """A condition patients live with, e.g. sciatica. The procedures that treat it say so themselves."""

    reading_fields = ("summary", "symptoms", "when_to_see_doctor", "call_911_if", "body")
    base_form_class = SafetyPartsForm
    safety_parts = [
        ("when_to_see_doctor", "When to see a doctor"),
        ("call_911_if", "Call 911 if"),
    ]

    search_result_type = SearchResultType("conditions", _("Condition"), _("Conditions"), order=2)

    appointment_subject = True

    body_regions = ParentalManyToManyField(
        "clinic.BodyRegion",
        related_name="conditions",
        blank=True,
        help_text="Where patients feel it. Used to group conditions by body region.",
    )
    symptoms = LinesField(
        blank=True,
        help_text="Common signs and symptoms in plain words, one per line, e.g. “Pain that runs down one leg”.",
    )
    related_conditions = ParentalManyToManyField(
        "self",
        symmetrical=False,
        related_name="related_from",
        blank=True,
        help_text="Conditions that are often confused with this one or happen together.",
    )
    when_to_see_doctor = RichTextField(
        "when to see a doctor",
        features=RICH_TEXT_FEATURES,
        default="",
        help_text=(
            "When to make an appointment or see a doctor soon, with this condition's red flags "
            "(e.g. a fever, weight loss you cannot explain, pain after a fall). The signs that "
            "need 911 go in “Call 911 if”."
        ),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        help_text="The full explanation: what it is, causes, how it is diagnosed, how it is treated.",
    )

    parent_page_types = ["conditions.ConditionIndexPage"]
    subpage_types = []

    content_panels = [
        *BasePage.content_panels,
        *ListingFieldsMixin.listing_panels,
        FieldPanel("body"),
    ]
    extra_tabs = [
        (
            "Facts",
            [
                HelpPanel(
                    content=(
                        "These facts appear in a box near the top of the page and help patients "
                        "compare conditions. The procedures that treat this condition are chosen "
                        "on each procedure page."
                    )
                ),
                FieldPanel("also_known_as"),
                FieldPanel("body_regions", widget=forms.CheckboxSelectMultiple),
                FieldPanel("symptoms"),
            ],
        ),
        (
            "Safety",
            [
                HelpPanel(
                    content=(
                        "Every condition page shows these in the same place and the same form, "
                        "with the emergency signs first. A draft can be saved without them; the "
                        "page cannot go to medical review or go live until both are filled in."
                    )
                ),
                FieldPanel("when_to_see_doctor"),
                FieldPanel("call_911_if"),
            ],
        ),
        (
            "Related",
            [
                FieldPanel("related_conditions", widget=forms.CheckboxSelectMultiple),
                LinkedPagesPanel(
                    "procedures",
                    heading="Procedures that treat it",
                    help_text="Chosen on each procedure page.",
                    empty_text="No procedure page names this condition yet.",
                ),
                LinkedPagesPanel(
                    "physicians",
                    heading="Physicians who treat it",
                    help_text="Chosen on each physician's profile, by a site admin.",
                    empty_text="No physician profile names this condition yet.",
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
        index.SearchField("symptoms"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = "condition page"

    def get_schema_org(self, meta, context):
        condition = medical_entity(meta, self, "MedicalCondition", "condition")
        regions = context.get("body_region_list")
        if regions:
            condition["associatedAnatomy"] = [
                {"@type": "AnatomicalStructure", "name": region.shown_name} for region in regions
            ]
        if self.symptom_list:
            condition["signOrSymptom"] = [
                {"@type": "MedicalSignOrSymptom", "name": symptom} for symptom in self.symptom_list
            ]
        treatments = context.get("treating_procedures")
        if treatments:
            condition["possibleTreatment"] = page_links(meta, treatments, "MedicalTherapy")
        tests = context.get("diagnostic_procedures")
        if tests:
            condition["typicalTest"] = page_links(meta, tests, "MedicalTest")
        return [medical_web_page_node(meta, self, condition), condition]

    @property
    def symptom_list(self):
        return lines(self.symptoms)

    def related_content(self):
        # A translation shows its English page's relations, each page in the reader's language
        # where translated (clinic.pages.translations).
        source = source_of(self)
        related = {
            "body_region_list": list(source.body_regions.all()),
            # filter(live=True), not live(): in a preview these relations are held in memory.
            "related_condition_list": in_language(
                listed(source.related_conditions.filter(live=True)).order_by("title")
            ),
        }
        if source.pk:  # reverse relations need a saved page; a preview of a new one has none
            # Only the English pages that point here: their translations keep a copy of the
            # English relations, and in_language puts each into the reader's language.
            procedures = in_language(
                source.procedures.live()
                .filter(locale_id=source.locale_id)
                .order_by("title")
                .defer_streamfields()
            )
            # A test (discography) finds the source of pain and treats nothing: listed apart.
            related["treating_procedures"] = [p for p in procedures if p.purpose != "diagnosis"]
            related["diagnostic_procedures"] = [p for p in procedures if p.purpose == "diagnosis"]
            physicians = source.physicians.filter(locale_id=source.locale_id)
            related["treating_physicians"] = in_language(
                physicians.live().for_cards(), physicians.model.objects.for_cards()
            )
        return related
