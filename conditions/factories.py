import factory

from wagtail.test.utils.wagtail_factories import PageFactory

from clinic.factories import many_to_many
from conditions.models import ConditionPage


class ConditionPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Condition {n}")
    summary = "A painful condition."

    class Meta:
        skip_postgeneration_save = True
        model = ConditionPage

    body_regions = many_to_many("body_regions")
