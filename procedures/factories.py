import factory

from wagtail.test.utils.wagtail_factories import PageFactory

from clinic.factories import many_to_many
from procedures.models import ProcedurePage


class ProcedurePageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Procedure {n}")
    summary = "A procedure that treats pain."

    class Meta:
        skip_postgeneration_save = True
        model = ProcedurePage

    body_regions = many_to_many("body_regions")
    conditions_treated = many_to_many("conditions_treated")
    prerequisites = many_to_many("prerequisites")
