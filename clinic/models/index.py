"""Section index pages (/procedures/, /news/…) and the A to Z lists some of them show."""

import unicodedata
from collections import defaultdict

from django.apps import apps
from django.utils.functional import SimpleLazyObject

from wagtail.models import Page, get_page_models

from clinic.models.base import BasePage
from clinic.models.mixins import IntroMixin
from clinic.pages.schema_org import web_page_node
from clinic.pages.translations import in_language, source_of


def alphabetical(name):
    """A sort key that files "Ablación" with "Ablation", not after Z."""
    decomposed = unicodedata.normalize("NFD", name.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def a_to_z_entries(pages):
    """
    Letter groups for an A to Z list: each page under its title, and each other name once, as a
    "see" entry to every page that goes by it ("RFA: see" four procedures). Returns
    [(letter, [{"name", "pages", "is_alias"}, ...]), ...].
    """
    entries = [{"name": page.title, "pages": [page], "is_alias": False} for page in pages]
    aliases = {}
    for page in pages:
        for name in page.other_names:
            alias = aliases.setdefault(
                name.casefold(), {"name": name, "pages": [], "is_alias": True}
            )
            if page not in alias["pages"]:
                alias["pages"].append(page)
    groups = defaultdict(list)
    for entry in [*entries, *aliases.values()]:
        first = alphabetical(entry["name"][:1]).upper()
        groups[first if first.isalpha() else "#"].append(entry)
    return [
        (letter, sorted(groups[letter], key=lambda entry: alphabetical(entry["name"])))
        for letter in sorted(groups)
    ]


class IndexPage(IntroMixin, BasePage):
    """
    A section's index page under the home page (/procedures/, /news/...), whose children are all
    of one page type, `child_model` ("app_label.ModelName"). It routes to a child in one query
    and lists its live children.
    """

    child_model = None
    # One per home page: the English home's and each translation's.
    max_count_per_parent = 1

    content_panels = [*BasePage.content_panels, *IntroMixin.intro_panels]

    class Meta:
        abstract = True

    @classmethod
    def clean_parent_page_models(cls):
        """
        A section goes under the page type that lists it among its subpage types (the home
        page, in the app above), never at the root of the tree: it names no page type above it.
        """
        if cls._clean_parent_page_models is None:
            cls._clean_parent_page_models = [
                model for model in get_page_models() if model is not Page
            ]
        return cls._clean_parent_page_models

    @classmethod
    def get_child_model(cls):
        return apps.get_model(cls.child_model)

    def get_schema_org(self, meta, context):
        return [web_page_node(meta, self, schema_type="CollectionPage")]

    def live_children(self):
        """
        The section's live pages: the English section's, whichever language this index is in
        (a list shows each in the reader's language with clinic.pages.translations.in_language).
        """
        return self.get_child_model().objects.child_of(source_of(self)).live()

    def route(self, request, path_components):
        if path_components:
            model = self.get_child_model()
            try:
                children = model.objects.child_of(self)
                if model.own_select_related:
                    children = children.select_related(*model.own_select_related)
                if model.own_prefetch_related:
                    children = children.prefetch_related(*model.own_prefetch_related)
                child = children.get(slug=path_components[0])
            except model.DoesNotExist:
                pass  # another page type, or none: let Wagtail decide
            else:
                child._cached_parent_obj = self
                return child.route(request, path_components[1:])
        return super().route(request, path_components)


class AToZIndexPage(IndexPage):
    """An index page that lists its children A to Z, each again under its other names."""

    # The name the template knows the list by, e.g. "procedures".
    context_object_name = "pages"

    class Meta:
        abstract = True

    def listed_pages(self, pages):
        """`pages` as the list needs them (a type adds its select_related and prefetches)."""
        return pages.defer_streamfields()

    def listed_children(self):
        return self.listed_pages(self.live_children()).order_by("title")

    def listing(self):
        """What the list shows: its pages (as `context_object_name`) and them A to Z."""
        pages = in_language(
            self.listed_children(), self.listed_pages(self.get_child_model().objects.all())
        )
        # A to Z by the names the reader sees.
        pages.sort(key=lambda page: alphabetical(page.title))
        return {self.context_object_name: pages, "a_to_z": a_to_z_entries(pages)}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Fetched from the content cache only when the template's kept fragment of the list
        # ({% wagtailpagecache %}) is not in the cache itself.
        context["listing"] = SimpleLazyObject(lambda: self.kept(request, "listing", self.listing))
        return context
