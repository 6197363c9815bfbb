from django.utils.translation import gettext

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from clinic.models import AToZIndexPage

from ..compare import build_rows, choose
from ..related import group_by_region
from .procedure import ProcedurePage


class ProcedureIndexPage(RoutablePageMixin, AToZIndexPage):
    """
    /procedures/: every procedure, A to Z and grouped by where it hurts; /procedures/compare/
    puts two to four of them side by side (procedures.compare).
    """

    child_model = "procedures.ProcedurePage"
    subpage_types = [child_model]
    context_object_name = "procedures"

    class Meta:
        verbose_name = "procedure index page"

    def listed_pages(self, pages):
        return super().listed_pages(pages).prefetch_related("body_regions")

    def listing(self):
        listing = super().listing()
        listing["by_region"] = group_by_region(listing["procedures"])
        return listing

    @path("")
    def procedure_list(self, request):
        return self.render(request)

    @path("compare/")
    def compare(self, request):
        """?p=<slug>&p=<slug>: the procedures side by side, or the list to choose them from."""
        procedures = self.kept(request, "listing", self.listing)["procedures"]
        comparison = choose(request.GET.getlist("p"), procedures)
        if comparison.ready:

            def rows():
                build_rows(comparison, ProcedurePage)
                return comparison.pages, comparison.rows, comparison.cards

            found = self.kept(request, "comparison", rows, *comparison.slugs)
            comparison.pages, comparison.rows, comparison.cards = found
        title = gettext("Compare procedures")
        response = self.render(
            request,
            template="procedures/compare.html",
            context_overrides={
                "comparison": comparison,
                "procedures": procedures,
                "chosen_slugs": set(comparison.slugs),
                "breadcrumb_trail": [self],
                "breadcrumb_current": title,
                "meta_title": title,
                "meta_description": gettext(
                    "What each procedure is for, how many visits it takes, the medicines used "
                    "and how long relief usually lasts, side by side."
                ),
                "noindex": True,
                "canonical_path": f"{self.url}compare/"
                + (f"?{comparison.canonical_query}" if comparison.ready else ""),
            },
        )
        if comparison.problems:
            response.status_code = 400
        return response
