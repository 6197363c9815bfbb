from django.db.models.signals import post_delete, post_save

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import SearchSynonym
from .query import clear_search_cache


def _clear(**kwargs):
    clear_search_cache()


def register_signal_handlers():
    """ "Did you mean" and the synonyms are cached: changing pages or synonyms clears them."""
    page_published.connect(_clear, dispatch_uid="search_clear_on_publish")
    page_unpublished.connect(_clear, dispatch_uid="search_clear_on_unpublish")
    post_page_move.connect(_clear, dispatch_uid="search_clear_on_move")
    post_delete.connect(_clear, sender=Page, dispatch_uid="search_clear_on_page_delete")
    post_save.connect(_clear, sender=SearchSynonym, dispatch_uid="search_clear_on_synonym")
    post_delete.connect(_clear, sender=SearchSynonym, dispatch_uid="search_clear_on_synonym_delete")
