import factory

from wagtail.test.utils.wagtail_factories import PageFactory

from clinic.factories import many_to_many
from procedures.models import ProcedurePage


class ProcedurePageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Procedure {n}")
    summary = "A procedure that treats pain."
    # A live procedure page must have its safety parts (procedures.safety).
    before_procedure = "Tell us if you take a blood thinner."
    common_risks = "Soreness where the needle went in, for a day or two."
    serious_risks = "An infection, which may need antibiotics."
    call_911_if = "You have trouble breathing."
    call_us_if = "You have a fever of 100.4°F (38°C) or higher."

    class Meta:
        skip_postgeneration_save = True
        model = ProcedurePage

    body_regions = many_to_many("body_regions")
    conditions_treated = many_to_many("conditions_treated")
    prerequisites = many_to_many("prerequisites")
