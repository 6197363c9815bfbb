"""
The medical review report, its menu item and the dashboard panel; review records for site
admins to correct; and what the page editor tells reviewers and editors about a review.
"""

from django.urls import path, reverse
from django.utils import timezone

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter
from wagtail.models import TaskState, WorkflowState

from .dashboard import AwaitingReviewPanel
from .models import CANNOT_APPROVE, MedicalReviewTask, reviewer_profile
from .reports import ReviewDuePanel, ReviewDueReportView, works_on_clinical_pages
from .viewsets import MedicalReviewViewSet


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
        return works_on_clinical_pages(request)


@hooks.register("register_reports_menu_item")
def register_review_due_report_menu_item():
    return ReviewDueMenuItem(
        "Medical review due", reverse("review_due_report"), icon_name="tasks", order=50
    )


@hooks.register("construct_homepage_panels")
def add_review_due_panel(request, panels):
    if works_on_clinical_pages(request):
        panels.append(ReviewDuePanel(request.user))


@hooks.register("construct_homepage_panels")
def list_pages_awaiting_review_at_once(request, panels):
    """Wagtail's "Awaiting your review", in as many queries for 300 pages as for 3."""
    panels[:] = [
        AwaitingReviewPanel() if panel.name == AwaitingReviewPanel.name else panel
        for panel in panels
    ]


@hooks.register("register_admin_viewset")
def register_review_records():
    return MedicalReviewViewSet()


@hooks.register("register_log_actions")
def register_review_log_actions(actions):
    @actions.register_action("medical_review.corrected")
    class ReviewCorrected(LogFormatter):
        label = "Correct the medical review record"

        def format_message(self, log_entry):
            changes = "; ".join(log_entry.data.get("changes", []))
            return f"Medical review record corrected: {changes}"


def changes_requested(page):
    """The reviewer's "request changes" on the page's latest workflow, if that is where it stands."""
    state = WorkflowState.objects.for_instance(page).order_by("-created_at").first()
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return None
    return (
        state.task_states.filter(status=TaskState.STATUS_REJECTED)
        .select_related("finished_by")
        .order_by("-finished_at")
        .first()
    )


@hooks.register("before_edit_page")
def tell_the_editor_about_the_review(request, page):
    task = page.current_workflow_task
    on_medical_review = isinstance(task, MedicalReviewTask)
    may_review = on_medical_review and any(
        name == "reject" for name, _, _ in task.get_actions(page, request.user)
    )
    if request.method == "POST":
        approving = (
            request.POST.get("action-workflow-action")
            and request.POST.get("workflow-action-name") == "approve"
        )
        if approving and may_review and reviewer_profile(request.user) is None:
            # Wagtail saves the form as a draft instead; nothing is approved or lost.
            messages.error(request, f"Not approved. {CANNOT_APPROVE}")
        return
    if may_review and reviewer_profile(request.user) is None:
        messages.warning(request, CANNOT_APPROVE)
    rejection = changes_requested(page)
    if rejection is not None:
        who = rejection.finished_by.get_full_name() if rejection.finished_by else "A reviewer"
        when = timezone.localtime(rejection.finished_at).strftime("%B %-d, %Y")
        comment = rejection.get_comment() or "No comment was given."
        messages.warning(
            request,
            f"{who or 'A reviewer'} asked for changes on {when}: “{comment}” Make the changes, "
            "then submit the page for medical review again.",
        )
    return
