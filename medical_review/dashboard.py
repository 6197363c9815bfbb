"""
The dashboard's "Awaiting your review": Wagtail's own panel, with what it looks up for each page
(the page with its current task, the workflow's steps and how far each has got, the reviewer's
actions) read for every page at once. Wagtail's asks the database 7 times a page, so a
reviewer's dashboard slowed with every page sent for review; this one asks as often for 300
pages as for 3. Only pages go through workflows on this site (no snippet has one).
"""

import copy
from collections import defaultdict

from django.db.models import F
from django.utils.translation import gettext_lazy as _

from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.models import Page, Revision, Task, TaskState


class AwaitingReviewPanel(WorkflowObjectsToModeratePanel):
    def get_context_data(self, parent_context):
        request = parent_context["request"]
        context = {"request": request, "csrf_token": parent_context["csrf_token"], "states": []}
        states = list(
            TaskState.objects.reviewable_by(request.user)
            .select_related("revision", "revision__user", "workflow_state")
            .order_by("-started_at")
            .annotate(previous_revision_id=Revision.objects.previous_revision_id_subquery())
        )
        if not states:
            return context
        tasks = {task.pk: task for task in Task.objects.filter(active=True).specific()}
        pages = pages_with_current_task(states, tasks)
        steps = workflow_steps(states)
        for state in states:
            page = pages.get(int(state.revision.object_id))
            if page is None:  # deleted since, or not a page
                continue
            state.task = tasks.get(state.task_id, state.task)
            context["states"].append(
                {
                    "obj": page,
                    "revision": state.revision,
                    "previous_revision_id": state.previous_revision_id,
                    "live_revision_id": page.live_revision_id,
                    "task_state": state,
                    "actions": state.task.get_actions(page, request.user),
                    "workflow_tasks": steps[state.workflow_state_id],
                    "workflow_action_url_name": "wagtailadmin_pages:workflow_action",
                    "workflow_preview_url_name": "wagtailadmin_pages:workflow_preview"
                    if page.is_previewable
                    else None,
                    "revisions_compare_url_name": "wagtailadmin_pages:revisions_compare",
                }
            )
        return context


def pages_with_current_task(states, tasks):
    """
    {pk: page} of the pages the task states are about, each with its workflow's current task
    already in its specific form (the editor's link and the lock check read it).
    """
    pages = (
        Page.objects.filter(pk__in=[int(state.revision.object_id) for state in states])
        .defer_streamfields()
        .specific()
        .select_related("latest_revision")
        .prefetch_workflow_states()
    )
    found = {}
    for page in pages:
        workflow_state = page.current_workflow_state
        task_state = workflow_state and workflow_state.current_task_state
        if task_state is not None:
            task_state.task = tasks.get(task_state.task_id, task_state.task)
        found[page.pk] = page
    return found


def workflow_steps(states):
    """
    {workflow state id: its workflow's tasks in order, each with the `status` and
    `status_display` of its latest task state}, as WorkflowState.all_tasks_with_status() gives.
    """
    workflow_ids = {state.workflow_state.workflow_id for state in states}
    tasks_by_workflow = defaultdict(list)
    for task in (
        Task.objects.filter(workflow_tasks__workflow_id__in=workflow_ids)
        .annotate(workflow_id=F("workflow_tasks__workflow_id"))
        .order_by("workflow_tasks__sort_order")
    ):
        tasks_by_workflow[task.workflow_id].append(task)
    latest = {}
    for workflow_state_id, task_id, status in (
        TaskState.objects.filter(
            workflow_state_id__in={state.workflow_state_id for state in states}
        )
        .order_by("started_at", "id")
        .values_list("workflow_state_id", "task_id", "status")
    ):
        latest[workflow_state_id, task_id] = status
    labels = dict(TaskState.STATUS_CHOICES)
    steps = {}
    for state in states:
        steps[state.workflow_state_id] = []
        for task in tasks_by_workflow[state.workflow_state.workflow_id]:
            step = copy.copy(task)
            step.status = latest.get((state.workflow_state_id, task.pk))
            step.status_display = labels.get(step.status, _("Not started"))
            steps[state.workflow_state_id].append(step)
    return steps
