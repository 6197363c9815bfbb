"""Test-data factories for the clinic's core and site pages (needs factory-boy, a dev dependency)."""

import datetime

import factory
from factory.django import DjangoModelFactory

from wagtail.test.utils.wagtail_factories import PageFactory

from clinic.models import (
    BodyRegion,
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
