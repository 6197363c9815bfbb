"""The page tree's rules: which page type may go where, and how often."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from conditions.models import ConditionIndexPage, ConditionPage
from home.models import BodyRegionIndexPage, ContactPage, HomePage, StandardPage
from locations.models import LocationIndexPage
from news.models import NewsIndexPage, NewsPostPage
from physicians.models import PhysicianIndexPage, PhysicianPage
from procedures.models import ProcedureIndexPage, ProcedurePage


class PageTreeRulesTest(WagtailPageTestCase):
    def test_home_page_holds_the_sections(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                ProcedureIndexPage,
                ConditionIndexPage,
                PhysicianIndexPage,
                NewsIndexPage,
                StandardPage,
                BodyRegionIndexPage,
                LocationIndexPage,
                ContactPage,
            },
        )

    def test_each_index_sits_under_home_and_holds_only_its_own_pages(self):
        for index, child in [
            (ProcedureIndexPage, ProcedurePage),
            (ConditionIndexPage, ConditionPage),
            (PhysicianIndexPage, PhysicianPage),
            (NewsIndexPage, NewsPostPage),
        ]:
            with self.subTest(index=index.__name__):
                self.assertAllowedParentPageTypes(index, {HomePage})
                self.assertAllowedSubpageTypes(index, {child})
                self.assertAllowedParentPageTypes(child, {index})
                self.assertAllowedSubpageTypes(child, set())

    def test_a_procedure_cannot_be_put_under_the_news(self):
        self.assertCanNotCreateAt(NewsIndexPage, ProcedurePage)
        self.assertCanNotCreateAt(HomePage, ProcedurePage)
        self.assertCanNotCreateAt(ProcedureIndexPage, NewsPostPage)
        self.assertCanNotCreateAt(StandardPage, PhysicianPage)

    def test_where_does_it_hurt_sits_under_home(self):
        self.assertAllowedParentPageTypes(BodyRegionIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(BodyRegionIndexPage, set())

    def test_standard_pages_nest(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})
