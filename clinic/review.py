"""
What happens when a workflow approves a page: record a medical review, then publish.

Wagtail imports this module while its own models load (WAGTAIL_FINISH_WORKFLOW_ACTION), so the
models are imported inside the function.
"""

from django.utils import timezone


def publish_with_review_record(workflow_state, user=None):
    """
    WAGTAIL_FINISH_WORKFLOW_ACTION. Like Wagtail's own action it publishes the latest revision;
    when a medical review task approved it, the page first records the review: the reviewer's
    physician profile (if their account has one), today's date and the next review due.
    """
    from wagtail.models import TaskState

    from .models import MedicalReviewMixin, MedicalReviewTask

    obj = workflow_state.content_object
    revision = obj.get_latest_revision()
    approval = (
        workflow_state.task_states.filter(
            status=TaskState.STATUS_APPROVED,
            task__in=MedicalReviewTask.objects.all(),
        )
        .select_related("finished_by")
        .order_by("-finished_at")
        .first()
    )
    page = revision.as_object()
    if approval is not None and isinstance(page, MedicalReviewMixin):
        reviewer = approval.finished_by
        physician = getattr(reviewer, "physician_profile", None) if reviewer else None
        page.record_review(physician, timezone.localdate())
        revision = page.save_revision(user=user, previous_revision=revision)
    # The task already checked that this user may approve it; reviewers need no publish
    # permission of their own (Wagtail's default action would demand one).
    revision.publish(user=user, skip_permission_checks=True)
