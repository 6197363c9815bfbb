import time

from django.apps import apps
from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_delete, post_save

from wagtail.signals import page_published, page_unpublished, post_page_move

from clinic.caching.page_cache import content_changed


def remember_when_signed_in(sender, request, user, **kwargs):
    """The start of a staff session, which ends 12 hours later (see StaffSessionMiddleware)."""
    if request is not None and hasattr(request, "session"):
        request.session["signed_in_at"] = time.time()
        request.session["last_seen"] = time.time()


def purges_pages(model):
    """Whether saving or deleting one of `model` makes cached pages stale (see settings)."""
    meta = model._meta
    if not apps.is_installed(meta.app_config.name if meta.app_config else ""):
        return False  # e.g. Django's record of applied migrations
    excluded = settings.PAGE_CACHE_NOT_PURGED_BY
    return meta.app_label not in excluded and meta.label_lower not in excluded


def purge_pages_when_content_changes():
    """Any change to content makes every cached page stale (see clinic.caching.content_version)."""

    def on_save_or_delete(sender, **kwargs):
        if purges_pages(sender):
            content_changed()

    def on_page_event(**kwargs):
        content_changed()

    post_save.connect(on_save_or_delete, weak=False, dispatch_uid="page_cache_on_save")
    post_delete.connect(on_save_or_delete, weak=False, dispatch_uid="page_cache_on_delete")
    # A move updates the tree without saving the page; the others also save it.
    for signal, event in [
        (page_published, "publish"),
        (page_unpublished, "unpublish"),
        (post_page_move, "move"),
    ]:
        signal.connect(on_page_event, weak=False, dispatch_uid=f"page_cache_on_{event}")


def register_signal_handlers():
    """Any change to content makes cached pages and content stale; staff sessions are timed."""
    purge_pages_when_content_changes()
    user_logged_in.connect(
        remember_when_signed_in, weak=False, dispatch_uid="clinic_remember_when_signed_in"
    )
