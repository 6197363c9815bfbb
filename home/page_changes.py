"""
One change to a page at a time in the admin, so that a review's approval publishes the page
once and for good.

Wagtail 8.0's page editor could send an approval twice (static/js/workflow-action-once.js says
why), and its edit view reads the page before it acts. The second request read the page as a
draft while the first was publishing it, then saved that draft over the published page and
failed ("'NoneType' object has no attribute 'on_action'"): the review was recorded and the
editor told, but patients got a 404. Here each change to a page through its editor or a
workflow action waits for the one before it, and runs in one transaction (undone whole if it
fails); an action that the page's review has moved past is not performed, and the reviewer
is told why. After an approval or a request for changes, from the editor's footer or the
dashboard, the reviewer is told what happened to the page (Wagtail says only "Page … has been
updated.", or nothing at all from the dashboard).
"""

import json

from django.contrib.messages import get_messages
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve
from django.utils import timezone

from wagtail.admin import messages
from wagtail.models import Page


# The admin views that change a page from what they read of it first.
GUARDED_VIEWS = {
    "wagtailadmin_pages:edit",
    "wagtailadmin_pages:revisions_revert",
    "wagtailadmin_pages:workflow_action",
}


def guarded_page_id(request):
    """The page a POST to one of GUARDED_VIEWS changes, else None."""
    if request.method != "POST":
        return None
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    return match.kwargs.get("page_id") if match.view_name in GUARDED_VIEWS else None


def refuse_stale_action(request, page):
    """
    The answer to a workflow action (approve, request changes) sent from the page editor that
    must not run: sent by autosave, which only saves a draft, or sent when the page is no
    longer on a review step (a copy of an action that has just finished it). None if the
    action may go ahead; whether this user may take it is the edit view's to decide.
    """
    if not request.POST.get("action-workflow-action"):
        return None
    user = request.user
    if not user.is_authenticated or not user.has_perm("wagtailadmin.access_admin"):
        return None  # the view itself sends them to sign in, or refuses them
    if not request.accepts("text/html"):  # what autosave sends
        # The error code on which Wagtail's autosave stops, and shows the message.
        return JsonResponse(
            {
                "success": False,
                "error_code": "invalid_revision",
                "error_message": "Autosave paused: the page is being sent on in its review.",
            },
            status=400,
        )
    if page.current_workflow_task is not None:
        return None
    messages.warning(
        request,
        f"Nothing more was done to “{page.get_admin_display_title()}”: its review had already "
        "moved on (it was approved or sent back a moment ago, perhaps by a second click). "
        "Its status is shown here.",
    )
    return redirect("wagtailadmin_explore", page.get_parent().pk)


def workflow_action(request):
    """The review action ("approve", "reject"…) a POST to one of GUARDED_VIEWS takes, or None."""
    match = request.resolver_match
    if match is None or request.method != "POST":
        return None
    if match.view_name == "wagtailadmin_pages:workflow_action":
        return match.kwargs.get("action_name")
    if match.view_name == "wagtailadmin_pages:edit" and request.POST.get("action-workflow-action"):
        return request.POST.get("workflow-action-name")
    return None


def action_succeeded(request, response):
    """The editor redirects after an action; the dashboard's dialog answers JSON "success"."""
    if response.status_code == 302:
        return True
    if response.status_code != 200 or "json" not in response.get("Content-Type", ""):
        return False
    try:
        return json.loads(response.content).get("step") == "success"
    except ValueError:
        return False


def what_happened(page, action):
    """What a reviewer's action did to the page, in a sentence (None for other actions)."""
    title = page.get_admin_display_title()
    if action == "reject":
        return (
            f"You requested changes to “{title}”. It is back with its author to change and "
            "submit again; patients still see the version that was live before, if any."
        )
    if action != "approve":
        return None
    if page.workflow_in_progress:
        step = page.current_workflow_task
        return f"You approved “{title}”. It goes on to its next review step: {step}."
    if page.live and not page.has_unpublished_changes:
        return f"You approved “{title}” and it is published: patients can read it now."
    if page.go_live_at:
        when = timezone.localtime(page.go_live_at)
        return f"You approved “{title}”. It will be published on {when:%d %B %Y at %H:%M}."
    return f"You approved “{title}”."


def announce(request, page_id, action):
    """Replace Wagtail's "Page … has been updated." with what the action did."""
    page = Page.objects.filter(pk=page_id).first()
    message = what_happened(page.specific, action) if page is not None else None
    if message is None:
        return
    storage = get_messages(request)
    kept = [m for m in storage if "has been updated." not in m.message]
    for old in kept:
        storage.add(old.level, old.message, old.extra_tags)
    messages.success(request, message)


class OnePageChangeAtATimeMiddleware:
    """
    A POST that changes a page in the admin waits for any other one on the same page, then
    runs in one transaction, rolled back if it fails (a 5xx answer). Near the end of
    MIDDLEWARE: its check of the action runs after the CSRF check.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        page_id = guarded_page_id(request)
        if page_id is None:
            return self.get_response(request)
        with transaction.atomic():
            # The page's row is the lock (on SQLite, the database's: each transaction takes
            # its write lock when it begins, see clinic.settings.database).
            Page.objects.select_for_update().filter(pk=page_id).exists()
            response = self.get_response(request)
            if response.status_code >= 500:
                transaction.set_rollback(True)
            action = workflow_action(request)
            if action and action_succeeded(request, response):
                announce(request, page_id, action)
            return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST" or request.resolver_match.view_name not in GUARDED_VIEWS:
            return None
        page = Page.objects.filter(pk=view_kwargs.get("page_id")).first()
        return refuse_stale_action(request, page) if page is not None else None
