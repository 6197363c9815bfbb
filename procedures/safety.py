"""
What a patient must read before having a procedure: its risks, how to prepare, and when to get
help (call 911, or call us; the clinic's details add where to go when it is closed). Every
procedure page shows them in the same place and the same form (templates/procedures/includes/).
"""

from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel

from clinic.models import lines
from clinic.models.safety import CallNineOneOneMixin, one_per_line


class ProcedureSafetyMixin(CallNineOneOneMixin):
    common_risks = one_per_line(
        "common, usually mild",
        "Side effects many people have that usually pass on their own, e.g. “Soreness where "
        "the needle went in, for a day or two”.",
    )
    serious_risks = one_per_line(
        "rare but serious",
        "Problems that are rare but serious for this procedure, each with what it means for "
        "the patient, e.g. “An infection, which may need antibiotics”.",
    )
    before_procedure = one_per_line(
        "before your procedure",
        "What to do or tell us beforehand: blood thinners, pregnancy, allergy to contrast dye "
        "or iodine, a fever or infection on the day, diabetes and steroids, sedation (eating, "
        "drinking, a driver home). Only what applies to this procedure.",
    )
    call_us_if = one_per_line(
        "call us if",
        "Signs that need a call to the clinic the same day, e.g. “A fever of 100.4°F (38°C) or "
        "higher”. What to do when the clinic is closed is added from the clinic's details.",
    )

    # (field, the part's name as editors and patients know it), in the order patients read them.
    safety_parts = [
        ("before_procedure", "Before your procedure"),
        ("common_risks", "Risks: common and usually mild"),
        ("serious_risks", "Risks: rare but serious"),
        ("call_911_if", "When to get help: call 911 if"),
        ("call_us_if", "When to get help: call us if"),
    ]
    safety_panels = [
        HelpPanel(
            content=(
                "Every procedure page shows these parts in the same place and the same form. "
                "A draft can be saved without them; the page cannot go to medical review or go "
                "live until each is filled in. Write one item per line, in plain words, specific "
                "to this procedure."
            )
        ),
        FieldPanel("before_procedure"),
        MultiFieldPanel([FieldPanel("common_risks"), FieldPanel("serious_risks")], heading="Risks"),
        MultiFieldPanel(
            [
                FieldPanel("call_911_if"),
                FieldPanel("call_us_if"),
                HelpPanel(
                    content=(
                        "Under “Call us if”, patients also see the clinic's phone number and what "
                        "to do when the clinic is closed (Settings › Clinic details › "
                        "Emergencies and after hours)."
                    )
                ),
            ],
            heading="When to get help",
        ),
    ]

    class Meta:
        abstract = True

    @property
    def common_risk_list(self):
        return lines(self.common_risks)

    @property
    def serious_risk_list(self):
        return lines(self.serious_risks)

    @property
    def before_list(self):
        return lines(self.before_procedure)

    @property
    def call_us_list(self):
        return lines(self.call_us_if)
