from clinic.models import IndexPage

from ..filters import PhysicianFilterSet


class PhysicianIndexPage(IndexPage):
    """/physicians/ ("Find a Physician"): every physician with photo, specialties and availability."""

    child_model = "physicians.PhysicianPage"
    subpage_types = [child_model]

    class Meta:
        verbose_name = "physician index page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = PhysicianFilterSet(request.GET, queryset=self.live_children(), request=request)
        if filters.is_valid():
            context["active_filters"] = filters.active_filters()
        context["form"] = filters.form
        context["filtered"] = filters.is_filtered
        if filters.is_filtered:
            # A filtered list is for people; search engines index the whole directory.
            context["noindex"] = True
            context["meta_title"] = f"Filtered: {self.get_meta_title()}"
        context["physicians"] = list(filters.qs.for_cards()) if filters.is_valid() else []
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if response.context_data["form"].errors:
            response.status_code = 400  # the page still explains what was not understood
        return response
