from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.fields import StreamField
from wagtail.search import index

from clinic.blocks import BodyBlock
from clinic.models import (
    BasePage,
    IntroMixin,
    ListingFieldsMixin,
    SearchResultType,
)
from clinic.pages.schema_org import clinic_id, web_page_node
from clinic.pages.translations import each_in_language, in_language, source_of
from first_visit.models import ListsPlansMixin
from locations.models import LocationPage


class StandardPage(ListingFieldsMixin, ListsPlansMixin, BasePage):
    """A general page, e.g. “About us” or “Your care team”. Can hold pages of its own."""

    search_result_type = SearchResultType("pages", _("Page"), _("Other pages"), order=6)
    reading_fields = ("summary", "body")

    body = StreamField(BodyBlock(), blank=True)

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    content_panels = [
        *BasePage.content_panels,
        *ListingFieldsMixin.listing_panels,
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        *ListingFieldsMixin.search_fields,
        *ListsPlansMixin.search_fields,
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = "standard page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["child_pages"] = self.kept(
            request,
            "children",
            lambda: in_language(
                StandardPage.objects.child_of(source_of(self))
                .live()
                .defer_streamfields()
                .order_by("path")
            ),
        )
        return context


class ContactPage(IntroMixin, BasePage):
    """
    /contact/: how to reach the clinic. The phone number, address, hours and emergency notice
    come from the clinic's details and the locations, so they are written in one place only.
    """

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1  # one per home page, in each language

    content_panels = [
        *BasePage.content_panels,
        *IntroMixin.intro_panels,
        HelpPanel(
            content=(
                "The phone number, address, opening hours and emergency notice on this page "
                "come from Settings › Clinic details and from the location pages."
            )
        ),
    ]

    class Meta:
        verbose_name = "contact page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["locations"] = self.kept(
            request,
            "locations",
            lambda: each_in_language(
                LocationPage.objects.live()
                .order_by("path")
                .prefetch_related("hours", "exceptions"),
                translations=LocationPage.objects.prefetch_related("hours", "exceptions"),
            ),
        )
        return context

    def get_schema_org(self, meta, context):
        return [web_page_node(meta, self, schema_type="ContactPage", about=clinic_id(meta))]
