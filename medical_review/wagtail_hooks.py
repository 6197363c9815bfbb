"""The medical review report, its menu item and the dashboard panel."""

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .reports import ReviewDuePanel, ReviewDueReportView, works_on_clinical_pages


@hooks.register("register_admin_urls")
def register_review_due_report_urls():
    return [
        path("reports/review-due/", ReviewDueReportView.as_view(), name="review_due_report"),
        path(
            "reports/review-due/results/",
            ReviewDueReportView.as_view(results_only=True),
            name="review_due_report_results",
        ),
    ]


class ReviewDueMenuItem(MenuItem):
    def is_shown(self, request):
        return works_on_clinical_pages(request.user)


@hooks.register("register_reports_menu_item")
def register_review_due_report_menu_item():
    return ReviewDueMenuItem(
        "Medical review due", reverse("review_due_report"), icon_name="tasks", order=50
    )


@hooks.register("construct_homepage_panels")
def add_review_due_panel(request, panels):
    if works_on_clinical_pages(request.user):
        panels.append(ReviewDuePanel(request.user))
