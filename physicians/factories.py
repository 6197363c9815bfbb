import factory

from wagtail.test.utils.wagtail_factories import PageFactory

from clinic.factories import many_to_many
from physicians.models import PhysicianPage


class PhysicianPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Alex Example{n}")
    family_name = factory.Sequence(lambda n: f"Example{n}")
    credentials = "M.D."
    summary = "A fictional physician for tests."

    class Meta:
        skip_postgeneration_save = True
        model = PhysicianPage

    specialties = many_to_many("specialties")
    procedures_performed = many_to_many("procedures_performed")
    conditions_treated = many_to_many("conditions_treated")
    locations = many_to_many("locations")
