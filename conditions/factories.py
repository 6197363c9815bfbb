import factory

from wagtail.test.utils.wagtail_factories import PageFactory

from clinic.factories import many_to_many
from conditions.models import ConditionPage


class ConditionPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Condition {n}")
    summary = "A painful condition."
    # A live condition page must have its safety parts (clinic.models.safety).
    when_to_see_doctor = "<p>See a doctor if the pain lasts more than a few weeks.</p>"
    call_911_if = "You cannot control your bladder or bowels."

    class Meta:
        skip_postgeneration_save = True
        model = ConditionPage

    body_regions = many_to_many("body_regions")
