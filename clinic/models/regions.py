from django.db import models
from django.shortcuts import get_object_or_404

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from .base import BasePage
from .taxonomy import BodyRegion


class BodyRegionIndexPage(RoutablePageMixin, BasePage):
    """
    /where-does-it-hurt/: patients start from a part of the body, not a diagnosis. Lists the
    body regions; /where-does-it-hurt/<region>/ shows the conditions and procedures for one.
    """

    intro = models.TextField(
        blank=True,
        help_text="One or two sentences above the list of body regions, in plain words.",
    )

    parent_page_types = ["clinic.HomePage"]
    subpage_types = []
    max_count = 1

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = "body region index page"

    def get_meta_description(self):
        return self.search_description or self.intro

    @path("")
    def region_list(self, request):
        return self.render(request, context_overrides={"regions": list(BodyRegion.objects.all())})

    @path("<slug:region_slug>/")
    def region_detail(self, request, region_slug):
        from conditions.models import ConditionPage
        from procedures.models import ProcedurePage

        region = get_object_or_404(BodyRegion, slug=region_slug)
        return self.render(
            request,
            template="clinic/body_region_page.html",
            context_overrides={
                "region": region,
                "breadcrumb_trail": [{"title": "Home", "url": "/"}, self],
                "breadcrumb_current": region.name,
                "conditions": list(
                    ConditionPage.objects.live()
                    .filter(body_regions=region)
                    .defer_streamfields()
                    .order_by("title")
                ),
                "procedures": list(
                    ProcedurePage.objects.live()
                    .filter(body_regions=region)
                    .defer_streamfields()
                    .order_by("title")
                ),
            },
        )
