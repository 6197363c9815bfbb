from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from clinic.appointment_admin import AppointmentsViewSetGroup, NoAddPolicy, ReadOnlyPolicy
from clinic.models import (
    AppointmentAccessLog,
    AppointmentRequest,
    BodyRegion,
    Language,
    NewsCategory,
    SearchSynonym,
    Specialty,
)


class BodyRegionViewSet(SnippetViewSet):
    model = BodyRegion
    icon = "user"
    menu_label = "Body regions"
    list_display = ["name", "description"]


class SpecialtyViewSet(SnippetViewSet):
    model = Specialty
    icon = "group"
    menu_label = "Specialties"
    list_display = ["name", "practitioner_title", "on_care_team"]
    list_filter = ["on_care_team"]


class LanguageViewSet(SnippetViewSet):
    model = Language
    icon = "globe"
    menu_label = "Languages"
    search_fields = ["name"]


class NewsCategoryViewSet(SnippetViewSet):
    model = NewsCategory
    icon = "tag"
    menu_label = "News categories"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "search"
    menu_label = "Search synonyms"
    list_display = ["term", "replacements"]


class ListsViewSetGroup(SnippetViewSetGroup):
    """The shared lists editors pick from when they describe pages."""

    items = (
        BodyRegionViewSet,
        SpecialtyViewSet,
        LanguageViewSet,
        NewsCategoryViewSet,
        SearchSynonymViewSet,
    )
    menu_icon = "list-ul"
    menu_label = "Lists"
    menu_name = "lists"


register_snippet(ListsViewSetGroup)


@hooks.register("register_admin_urls")
def register_review_due_report_urls():
    from .review_due import ReviewDueReportView

    return [
        path("reports/review-due/", ReviewDueReportView.as_view(), name="review_due_report"),
        path(
            "reports/review-due/results/",
            ReviewDueReportView.as_view(results_only=True),
            name="review_due_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_review_due_report_menu_item():
    return MenuItem("Medical review due", reverse("review_due_report"), icon_name="tasks", order=50)


@hooks.register("construct_homepage_panels")
def add_review_due_panel(request, panels):
    from .review_due import ReviewDuePanel

    panels.append(ReviewDuePanel())


# Requests come from patients only; the access log is only ever read.
register_permission_policy(AppointmentRequest, NoAddPolicy(AppointmentRequest))
register_permission_policy(AppointmentAccessLog, ReadOnlyPolicy(AppointmentAccessLog))


@hooks.register("register_admin_viewset")
def register_appointment_requests():
    return AppointmentsViewSetGroup()
