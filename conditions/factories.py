import factory

from wagtail.test.utils.wagtail_factories import PageFactory

from conditions.models import ConditionPage


class ConditionPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Condition {n}")
    summary = "A painful condition."

    class Meta:
        skip_postgeneration_save = True
        model = ConditionPage

    @factory.post_generation
    def body_regions(self, create, extracted, **kwargs):
        if create and extracted:
            self.body_regions.set(extracted)
            self.save()  # modelcluster keeps relations in memory until the page is saved
