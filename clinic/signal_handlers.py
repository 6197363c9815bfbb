import time

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_delete, post_save

from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import ClinicOpeningHours, ClinicSettings
from .navigation import clear_site_cache
from .page_cache import bump_after_commit


def clear_when_content_changes(clear, name, models=()):
    """
    Call `clear()` whenever a page is published, unpublished, moved or deleted, and whenever
    one of `models` is saved or deleted: for caches built from pages and those models.
    """

    def handler(**kwargs):
        clear()

    for signal, sender, event in [
        (page_published, None, "publish"),
        (page_unpublished, None, "unpublish"),
        (post_page_move, None, "move"),
        (post_delete, Page, "page_delete"),
    ]:
        signal.connect(handler, sender=sender, weak=False, dispatch_uid=f"{name}_clear_on_{event}")
    for model in models:
        label = model._meta.label_lower
        post_save.connect(handler, sender=model, weak=False, dispatch_uid=f"{name}_save_{label}")
        post_delete.connect(
            handler, sender=model, weak=False, dispatch_uid=f"{name}_delete_{label}"
        )


def remember_when_signed_in(sender, request, user, **kwargs):
    """The start of a staff session, which ends 12 hours later (see StaffSessionMiddleware)."""
    if request is not None and hasattr(request, "session"):
        request.session["signed_in_at"] = time.time()
        request.session["last_seen"] = time.time()


def purge_pages_when_content_changes():
    """Any change to content makes every cached page stale (see clinic.page_cache)."""
    purged_by = settings.PAGE_CACHE_PURGED_BY

    def on_save_or_delete(sender, **kwargs):
        if sender._meta.app_label in purged_by or sender._meta.label_lower in purged_by:
            bump_after_commit()

    def on_page_event(**kwargs):
        bump_after_commit()

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
    """The menu and the clinic's details are cached: changing them clears the cache."""
    clear_when_content_changes(
        clear_site_cache, "clinic", models=[ClinicSettings, ClinicOpeningHours, Site]
    )
    purge_pages_when_content_changes()
    user_logged_in.connect(
        remember_when_signed_in, weak=False, dispatch_uid="clinic_remember_when_signed_in"
    )
