from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from clinic.blocks import BodyBlock

from .base import BasePage, ListingFieldsMixin


class StandardPage(ListingFieldsMixin, BasePage):
    """A general page, e.g. “About us” or “Your care team”. Can hold pages of its own."""

    body = StreamField(BodyBlock(), blank=True)

    parent_page_types = ["clinic.HomePage", "clinic.StandardPage"]
    subpage_types = ["clinic.StandardPage"]

    content_panels = [
        *BasePage.content_panels,
        *ListingFieldsMixin.listing_panels,
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        *ListingFieldsMixin.search_fields,
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = "standard page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["child_pages"] = list(
            StandardPage.objects.child_of(self).live().defer_streamfields().order_by("path")
        )
        return context
