import time

from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_delete, post_save

from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import ClinicOpeningHours, ClinicSettings
from .navigation import clear_site_cache


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


def register_signal_handlers():
    """The menu and the clinic's details are cached: changing them clears the cache."""
    clear_when_content_changes(
        clear_site_cache, "clinic", models=[ClinicSettings, ClinicOpeningHours, Site]
    )
    user_logged_in.connect(
        remember_when_signed_in, weak=False, dispatch_uid="clinic_remember_when_signed_in"
    )
