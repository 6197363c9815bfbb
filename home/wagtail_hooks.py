"""The shared lists editors pick from, gathered under one "Lists" menu."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from clinic.models import BodyRegion, Language, Specialty
from news.models import NewsCategory
from site_search.models import SearchSynonym


class BodyRegionViewSet(SnippetViewSet):
    model = BodyRegion
    icon = "user"
    menu_label = "Body regions"
    list_display = ["name", "description"]


class SpecialtyViewSet(SnippetViewSet):
    model = Specialty
    icon = "group"
    menu_label = "Specialties"
    list_display = ["name", "practitioner_title", "on_care_team"]
    list_filter = ["on_care_team"]


class LanguageViewSet(SnippetViewSet):
    model = Language
    icon = "globe"
    menu_label = "Languages"
    search_fields = ["name"]


class NewsCategoryViewSet(SnippetViewSet):
    model = NewsCategory
    icon = "tag"
    menu_label = "News categories"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "search"
    menu_label = "Search synonyms"
    list_display = ["term", "replacements"]


class ListsViewSetGroup(SnippetViewSetGroup):
    """The shared lists editors pick from when they describe pages."""

    items = (
        BodyRegionViewSet,
        SpecialtyViewSet,
        LanguageViewSet,
        NewsCategoryViewSet,
        SearchSynonymViewSet,
    )
    menu_icon = "list-ul"
    menu_label = "Lists"
    menu_name = "lists"


register_snippet(ListsViewSetGroup)
