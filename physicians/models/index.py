from django.utils.translation import gettext

from clinic.models import IndexPage
from clinic.pages.translations import in_language

from ..filters import PhysicianFilterSet
from .physician import PhysicianPage


class PhysicianIndexPage(IndexPage):
    """/physicians/ ("Find a Physician"): every physician with photo, specialties and availability."""

    child_model = "physicians.PhysicianPage"
    subpage_types = [child_model]

    class Meta:
        verbose_name = "physician index page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        physicians = self.live_children()
        filters = PhysicianFilterSet(
            request.GET,
            queryset=physicians,
            request=request,
            options=self.kept(
                request, "options", lambda: PhysicianFilterSet.options_for(physicians)
            ),
        )
        if filters.is_valid():
            context["active_filters"] = filters.active_filters()
        context["form"] = filters.form
        context["filtered"] = filters.is_filtered
        if filters.is_filtered:
            # A filtered list is for people; search engines index the whole directory.
            context["noindex"] = True
            context["meta_title"] = gettext("Filtered: %(title)s") % {
                "title": self.get_meta_title()
            }
        if filters.is_valid():
            # Kept per combination of filters in use, as the address gives them.
            in_use = tuple(sorted((name, filters.data[name]) for name in filters.filters_in_use()))
            context["physicians"] = self.kept(
                request,
                "physicians",
                lambda: in_language(filters.qs.for_cards(), PhysicianPage.objects.for_cards()),
                *in_use,
            )
        else:
            context["physicians"] = []
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if response.context_data["form"].errors:
            response.status_code = 400  # the page still explains what was not understood
        return response
