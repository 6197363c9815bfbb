import django_filters

from django.core.exceptions import PermissionDenied

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.permission_policies.pages import PagePermissionPolicy

from clinic.models import Specialty
from physicians.models import PhysicianIndexPage, PhysicianPage


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


def manages_physicians(user):
    """Site admins (and superusers): those who may add and edit physician profiles."""
    section = PagePermissionPolicy().instances_user_has_permission_for(user, "add")
    return section.type(PhysicianIndexPage).exists()


class PhysicianMenuItem(MenuItem):
    def is_shown(self, request):
        return manages_physicians(request.user)


class PhysicianIndexView(IndexView):
    def dispatch(self, request, *args, **kwargs):
        if not manages_physicians(request.user):
            raise PermissionDenied  # an editor would see an empty list with an Add button
        return super().dispatch(request, *args, **kwargs)


class PhysicianListingViewSet(PageListingViewSet):
    """Admin > Physicians: every profile, filtered by specialty and by new patients."""

    model = PhysicianPage
    index_view_class = PhysicianIndexView
    menu_item_class = PhysicianMenuItem
    filterset_class = PhysicianFilterSet
    icon = "user"
    menu_label = "Physicians"
    menu_order = 150
    add_to_admin_menu = True
    name = "physician_profiles"


@hooks.register("register_admin_viewset")
def register_physician_listing():
    return PhysicianListingViewSet()
