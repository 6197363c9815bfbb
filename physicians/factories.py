import factory

from wagtail.test.utils.wagtail_factories import PageFactory

from physicians.models import PhysicianPage


class PhysicianPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Alex Example{n}")
    family_name = factory.Sequence(lambda n: f"Example{n}")
    credentials = "M.D."
    summary = "A fictional physician for tests."

    class Meta:
        skip_postgeneration_save = True
        model = PhysicianPage

    @factory.post_generation
    def specialties(self, create, extracted, **kwargs):
        if create and extracted:
            self.specialties.set(extracted)
            self.save()  # modelcluster keeps relations in memory until the page is saved

    @factory.post_generation
    def procedures_performed(self, create, extracted, **kwargs):
        if create and extracted:
            self.procedures_performed.set(extracted)
            self.save()  # modelcluster keeps relations in memory until the page is saved

    @factory.post_generation
    def conditions_treated(self, create, extracted, **kwargs):
        if create and extracted:
            self.conditions_treated.set(extracted)
            self.save()  # modelcluster keeps relations in memory until the page is saved
