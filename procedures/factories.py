import factory

from wagtail.test.utils.wagtail_factories import PageFactory

from procedures.models import ProcedurePage


class ProcedurePageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Procedure {n}")
    summary = "A procedure that treats pain."

    class Meta:
        skip_postgeneration_save = True
        model = ProcedurePage

    @factory.post_generation
    def body_regions(self, create, extracted, **kwargs):
        if create and extracted:
            self.body_regions.set(extracted)
            self.save()  # modelcluster keeps relations in memory until the page is saved

    @factory.post_generation
    def conditions_treated(self, create, extracted, **kwargs):
        if create and extracted:
            self.conditions_treated.set(extracted)
            self.save()  # modelcluster keeps relations in memory until the page is saved

    @factory.post_generation
    def prerequisites(self, create, extracted, **kwargs):
        if create and extracted:
            self.prerequisites.set(extracted)
            self.save()  # modelcluster keeps relations in memory until the page is saved
