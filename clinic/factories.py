"""Test-data factories for the core's lists (needs factory-boy, a dev dependency)."""

import factory
from factory.django import DjangoModelFactory

from clinic.models import BodyRegion, Specialty


def many_to_many(name):
    """
    A post-generation hook that fills the relation `name` from the list given to the factory,
    e.g. ProcedurePageFactory(conditions_treated=[sciatica]).
    """

    @factory.post_generation
    def fill(obj, create, extracted, **kwargs):
        if create and extracted:
            getattr(obj, name).set(extracted)
            obj.save()  # modelcluster keeps page relations in memory until the page is saved

    return fill


class BodyRegionFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Region {n}")
    slug = factory.Sequence(lambda n: f"region-{n}")

    class Meta:
        model = BodyRegion


class SpecialtyFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Specialty {n}")

    class Meta:
        model = Specialty
