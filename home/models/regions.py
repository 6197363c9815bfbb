from django.http import Http404
from django.utils.translation import gettext

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from clinic.caching.content_cache import remember
from clinic.models import BasePage, BodyRegion, IntroMixin
from clinic.pages.schema_org import page_links, web_page_node
from clinic.pages.translations import each_in_language
from conditions.models import ConditionPage
from procedures.models import ProcedurePage


class BodyRegionIndexPage(RoutablePageMixin, IntroMixin, BasePage):
    """
    /where-does-it-hurt/: patients start from a part of the body, not a diagnosis. Lists the
    body regions; /where-does-it-hurt/<region>/ shows the conditions and procedures for one.
    """

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1  # one per home page, in each language

    content_panels = [*BasePage.content_panels, *IntroMixin.intro_panels]

    class Meta:
        verbose_name = "body region index page"

    @path("")
    def region_list(self, request):
        regions = self.kept(request, "regions", lambda: list(BodyRegion.objects.all()))
        return self.render(request, context_overrides={"regions": regions})

    @path("<slug:region_slug>/")
    def region_detail(self, request, region_slug):
        def region_and_pages():
            region = BodyRegion.objects.filter(slug=region_slug).first()
            if region is None:
                return None
            return {
                "region": region,
                "conditions": each_in_language(
                    ConditionPage.objects.live()
                    .filter(body_regions=region)
                    .defer_streamfields()
                    .order_by("title")
                ),
                "procedures": each_in_language(
                    ProcedurePage.objects.live()
                    .filter(body_regions=region)
                    .defer_streamfields()
                    .order_by("title")
                ),
            }

        found = self.kept(request, "region", region_and_pages, region_slug)
        if found is None:
            raise Http404("There is no such part of the body on this site.")
        region = found["region"]
        return self.render(
            request,
            template="home/body_region_page.html",
            context_overrides={
                "region": region,
                "breadcrumb_trail": [self],
                "breadcrumb_current": region.shown_name,
                "meta_title": f"{region.shown_name}: {self.title}",
                "meta_description": gettext(
                    "Conditions that cause pain in the %(region)s, and the procedures that may help."
                )
                % {"region": region.shown_name.lower()},
                **found,
            },
        )

    def get_sitemap_urls(self, request=None):
        """This page and one entry per body region (its routes are pages to patients too)."""
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        lastmod = self.last_published_at
        urls += [
            {
                "location": f"{base}{self.reverse_subpage('region_detail', args=[slug])}",
                "lastmod": lastmod,
            }
            # From the content cache: one query, however many languages have this page.
            for slug in remember(
                "body-region-slugs",
                (),
                lambda: list(BodyRegion.objects.values_list("slug", flat=True)),
            )
        ]
        return urls

    def get_schema_org(self, meta, context):
        region = context.get("region")
        if region is None:
            return [web_page_node(meta, self, schema_type="CollectionPage")]
        about = [
            *page_links(meta, context["conditions"], "MedicalCondition"),
            *page_links(meta, context["procedures"], "MedicalProcedure"),
        ]
        anatomy = {"@type": "AnatomicalStructure", "name": region.shown_name}
        return [web_page_node(meta, self, schema_type="CollectionPage", about=[anatomy, *about])]
