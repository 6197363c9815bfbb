from django.db.models.signals import post_delete, post_save

from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import ClinicOpeningHours, ClinicSettings
from .navigation import clear_site_cache


def _clear(**kwargs):
    clear_site_cache()


def register_signal_handlers():
    """The menu and the clinic's details are cached: changing them clears the cache."""
    page_published.connect(_clear, dispatch_uid="clinic_clear_on_publish")
    page_unpublished.connect(_clear, dispatch_uid="clinic_clear_on_unpublish")
    post_page_move.connect(_clear, dispatch_uid="clinic_clear_on_move")
    post_delete.connect(_clear, sender=Page, dispatch_uid="clinic_clear_on_page_delete")
    post_save.connect(_clear, sender=ClinicSettings, dispatch_uid="clinic_clear_on_settings")
    post_save.connect(_clear, sender=ClinicOpeningHours, dispatch_uid="clinic_clear_on_hours")
    post_delete.connect(
        _clear, sender=ClinicOpeningHours, dispatch_uid="clinic_clear_on_hours_delete"
    )
    post_save.connect(_clear, sender=Site, dispatch_uid="clinic_clear_on_site")
