"""
What happens when a workflow approves a page: record a medical review, then publish.

Wagtail imports this module while its own models load (WAGTAIL_FINISH_WORKFLOW_ACTION), so the
models are imported inside the function.
"""

from django.db import transaction
from django.utils import timezone


def publish_with_review_record(workflow_state, user=None):
    """
    WAGTAIL_FINISH_WORKFLOW_ACTION. Like Wagtail's own action it publishes the latest revision;
    when a medical review task approved it, the page's review is recorded first: the reviewer's
    physician profile, today's date and the next review due. The record and the publishing
    happen in one transaction: together, or not at all.
    """
    # Imported here: this module is loaded while Wagtail's models are still loading.
    from wagtail.models import TaskState

    from clinic.models import MedicalReviewMixin

    from .models import MedicalReviewTask, record_review, reviewer_profile

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
    with transaction.atomic():
        if approval is not None and isinstance(obj.specific, MedicalReviewMixin):
            # The task offers "approve" only to reviewers their profile names (see get_actions).
            record_review(obj, reviewer_profile(approval.finished_by), timezone.localdate())
        # The task already checked that this user may approve it; reviewers need no publish
        # permission of their own (Wagtail's default action would demand one).
        revision.publish(user=user, skip_permission_checks=True)
