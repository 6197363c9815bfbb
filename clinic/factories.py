"""Test-data factories for the clinic's core and site pages (needs factory-boy, a dev dependency)."""

import datetime

import factory
from factory.django import DjangoModelFactory

from wagtail.test.utils.wagtail_factories import PageFactory

from clinic.models import (
    BodyRegion,
    LocationOpeningHours,
    LocationPage,
    NewsCategory,
    NewsPostPage,
    Specialty,
    StandardPage,
)


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


class NewsCategoryFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")

    class Meta:
        model = NewsCategory


class StandardPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    summary = "A general page."

    class Meta:
        model = StandardPage


class NewsPostPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"News post {n}")
    summary = "Something happened at the clinic."
    date = factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n))

    class Meta:
        model = NewsPostPage


class LocationPageFactory(PageFactory):
    """A fictional location, open Monday to Friday, 9 am to 5 pm."""

    title = factory.Sequence(lambda n: f"Location {n}")
    summary = "A fictional location for tests."
    street_address = factory.Sequence(lambda n: f"{n} Test Street")
    locality = "Testville"
    region = "ST"
    postal_code = "00000"
    phone = "(312) 555-0199"

    class Meta:
        model = LocationPage
        skip_postgeneration_save = True

    @factory.post_generation
    def weekday_hours(obj, create, extracted, **kwargs):
        if create:
            for weekday in range(5):
                LocationOpeningHours.objects.create(
                    location=obj,
                    weekday=weekday,
                    opens=datetime.time(9),
                    closes=datetime.time(17),
                )
