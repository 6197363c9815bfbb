import django_filters

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet

from clinic.models import Specialty
from physicians.models import PhysicianPage


class PhysicianFilterSet(WagtailFilterSet):
    specialties = django_filters.ModelMultipleChoiceFilter(
        label="Specialty", queryset=Specialty.objects.all()
    )
    accepting_new_patients = django_filters.ChoiceFilter(
        label="Accepting new patients",
        choices=[("yes", "Yes"), ("no", "No"), ("unknown", "Not stated")],
        method="filter_accepting",
    )

    class Meta:
        model = PhysicianPage
        fields = ["specialties", "accepting_new_patients"]

    def filter_accepting(self, queryset, name, value):
        if value == "unknown":
            return queryset.filter(accepting_new_patients__isnull=True)
        return queryset.filter(accepting_new_patients=(value == "yes"))


class PhysicianListingViewSet(PageListingViewSet):
    """Admin > Physicians: every profile, filtered by specialty and by new patients."""

    model = PhysicianPage
    filterset_class = PhysicianFilterSet
    icon = "user"
    menu_label = "Physicians"
    menu_order = 150
    add_to_admin_menu = True
    name = "physician_profiles"


@hooks.register("register_admin_viewset")
def register_physician_listing():
    return PhysicianListingViewSet()
