import factory

from wagtail.test.utils.wagtail_factories import PageFactory

from home.models import StandardPage


class StandardPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    summary = "A general page."

    class Meta:
        model = StandardPage
