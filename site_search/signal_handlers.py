from clinic.signal_handlers import clear_when_content_changes

from .models import SearchSynonym
from .query import clear_search_cache


def register_signal_handlers():
    """ "Did you mean" and the synonyms are cached: changing pages or synonyms clears them."""
    clear_when_content_changes(clear_search_cache, "search", models=[SearchSynonym])
