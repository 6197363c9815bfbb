"""
The admin as the clinic's staff meet it: the shared lists gathered under one "Lists" menu, and
the page explorer opening at the home page; the users list's bulk actions (home.staff_accounts);
a review action sent once from the page editor (home.page_changes).
"""

from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html

from wagtail import hooks
from wagtail.admin.ui.sidebar import PageExplorerMenuItem as PageExplorerMenuItemComponent
from wagtail.admin.wagtail_hooks import ExplorerMenuItem
from wagtail.models import Page, Site
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from clinic.models import BodyRegion, Language, Specialty
from news.models import NewsCategory
from site_search.models import SearchSynonym

from . import staff_accounts


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


class HomeExplorerMenuItem(ExplorerMenuItem):
    """
    "Pages" opens at the site's home page, not at the root of the tree, where Wagtail only
    explains how to add sites: this clinic has one site.
    """

    def render_component(self, request):
        start = PagePermissionPolicy().explorable_root_instance(request.user)
        if start is None or start.depth > 1 or Site.objects.count() != 1:
            return super().render_component(request)
        home = Page.objects.get(pk=Site.objects.get().root_page_id)
        return PageExplorerMenuItemComponent(
            self.name,
            self.label,
            reverse("wagtailadmin_explore", args=[home.pk]),
            home.pk,
            icon_name=self.icon_name,
            classname=self.classname,
        )


@hooks.register("construct_main_menu")
def open_the_explorer_at_home(request, menu_items):
    for index, item in enumerate(menu_items):
        if item.name == "explorer" and type(item) is ExplorerMenuItem:
            menu_items[index] = HomeExplorerMenuItem(
                item.label, item.url, name=item.name, icon_name=item.icon_name, order=item.order
            )


# After Wagtail's own (order=1): these replace its bulk actions on the users list.
for bulk_action in staff_accounts.BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action, order=1)


@hooks.register("insert_editor_js")
def send_a_review_action_once():
    """Wagtail's autosave would post an approval a second time (see the script)."""
    return format_html('<script src="{}" defer></script>', static("js/workflow-action-once.js"))
