"""The abstract page every page type builds on, and the mixins it is made of."""

from collections import defaultdict
from dataclasses import dataclass

from django.apps import apps
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.functional import classproperty

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.models import Page, get_page_models
from wagtail.search import index


def lines(text):
    """The non-blank lines of a multi-line text field, stripped."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


@dataclass(frozen=True)
class SearchResultType:
    """How site search names one page type's results, e.g. ?type=procedures, "Procedures"."""

    key: str
    label: str
    plural: str
    order: int


class ListingFieldsMixin(models.Model):
    """The short text that represents a page in listings, search results and search engines."""

    summary = models.TextField(
        max_length=320,
        validators=[MaxLengthValidator(320)],
        help_text=(
            "Two or three plain sentences (at most 320 characters) saying what this page is about. "
            "Shown in listings and search results, and to search engines unless you write a "
            "meta description on the Promote tab."
        ),
    )

    listing_panels = [FieldPanel("summary")]
    search_fields = [index.SearchField("summary")]

    class Meta:
        abstract = True


class AlsoKnownAsMixin(models.Model):
    """Other names patients and doctors use for the same thing ("rhizotomy", "RSD")."""

    also_known_as = models.TextField(
        "also known as",
        blank=True,
        help_text=(
            "Other names for this, one per line, e.g. abbreviations (“RFA”), older names (“RSD”) "
            "or the words patients use. Each is searchable and listed in the A to Z."
        ),
    )

    search_fields = [
        index.SearchField("also_known_as", boost=3),
        index.AutocompleteField("also_known_as"),
    ]

    class Meta:
        abstract = True

    @property
    def other_names(self):
        return lines(self.also_known_as)


def a_to_z_entries(pages):
    """
    Letter groups for an A to Z list: each page under its title, and again under each of its
    other names as a "see" entry pointing to the page. Returns [(letter, [entry, ...]), ...].
    """
    groups = defaultdict(list)
    for page in pages:
        entries = [{"name": page.title, "page": page, "is_alias": False}]
        entries += [{"name": name, "page": page, "is_alias": True} for name in page.other_names]
        for entry in entries:
            first = entry["name"][:1].upper()
            letter = first if first.isalpha() else "#"
            groups[letter].append(entry)
    return [
        (letter, sorted(groups[letter], key=lambda entry: entry["name"].casefold()))
        for letter in sorted(groups)
    ]


class BasePage(Page):
    """Every page of the site. Subclasses add tabs to the editor through `extra_tabs`."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="sharing image",
        help_text=(
            "Optional. Shown when this page is shared on social media or in a messaging app. "
            "Without one, the page's own main image is used, or else the clinic's default. "
            "At least 1200 × 630 pixels; it is cropped to that shape."
        ),
    )

    show_in_menus_default = False

    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel([FieldPanel("social_image")], heading="For social media"),
    ]

    # (heading, panels) pairs shown between the "Content" and "Promote" tabs of the editor.
    extra_tabs = []

    class Meta:
        abstract = True

    @classproperty
    def edit_handler(cls):
        tabs = [ObjectList(cls.content_panels, heading="Content")]
        tabs += [ObjectList(panels, heading=heading) for heading, panels in cls.extra_tabs]
        tabs += [
            ObjectList(cls.promote_panels, heading="Promote"),
            ObjectList(cls.settings_panels, heading="Settings"),
        ]
        return TabbedInterface(tabs)

    # Open Graph type of the page when shared: "website", "article" or "profile".
    og_type = "website"
    # Whether an appointment request sent from this page names it ("You are asking about…").
    appointment_subject = False
    # A page type site search finds sets this (see site_search); other page types stay out.
    search_result_type = None
    # A page type whose pages are services the clinic offers names their schema.org type here
    # ("MedicalProcedure"): the clinic's JSON-LD on the home page lists them (see clinic.seo).
    clinic_service_type = None

    def get_meta_title(self):
        return self.seo_title or self.title

    def get_meta_description(self):
        return self.search_description or getattr(self, "summary", "")

    def get_main_image(self):
        """The image that stands for the page (a news photo, a portrait, its first figure)."""
        body = getattr(self, "body", None)
        for block in body or ():
            if block.block_type == "figure" and block.value["image"]:
                return block.value["image"]
        return None

    def get_social_image(self):
        return self.social_image or self.get_main_image()

    def get_schema_org(self, meta, context):
        """
        schema.org nodes describing this page, for its JSON-LD (see clinic.seo), built from its
        fields and from what get_context() already fetched. The first node is the page itself.
        """
        from clinic.seo import web_page_node

        return [web_page_node(meta, self)]


class IndexPage(BasePage):
    """
    A section's index page under the home page (/procedures/, /news/...), whose children are all
    of one page type, `child_model` ("app_label.ModelName"). It routes to a child in one query
    and lists its live children.
    """

    intro = models.TextField(
        blank=True,
        help_text="One or two sentences at the top of the list, in plain words.",
    )

    child_model = None
    # Relations of a child page that its own template shows, loaded with it when routing.
    child_select_related = ()
    max_count = 1

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

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

    def get_meta_description(self):
        return self.search_description or self.intro

    def get_schema_org(self, meta, context):
        from clinic.seo import web_page_node

        return [web_page_node(meta, self, schema_type="CollectionPage")]

    def live_children(self):
        return self.get_child_model().objects.child_of(self).live()

    def route(self, request, path_components):
        if path_components:
            model = self.get_child_model()
            try:
                children = model.objects.child_of(self)
                if self.child_select_related:
                    children = children.select_related(*self.child_select_related)
                child = children.get(slug=path_components[0])
            except model.DoesNotExist:
                pass  # another page type, or none: let Wagtail decide
            else:
                child._cached_parent_obj = self
                return child.route(request, path_components[1:])
        return super().route(request, path_components)
