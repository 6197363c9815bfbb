import datetime

import factory
from factory.django import DjangoModelFactory

from wagtail.test.utils.wagtail_factories import PageFactory

from news.models import NewsCategory, NewsPostPage


class NewsCategoryFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")

    class Meta:
        model = NewsCategory


class NewsPostPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"News post {n}")
    summary = "Something happened at the clinic."
    date = factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n))

    class Meta:
        model = NewsPostPage
