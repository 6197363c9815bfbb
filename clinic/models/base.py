"""The abstract page every page type builds on."""

from django.utils.functional import classproperty

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.models import Page

from clinic.caching.content_cache import (
    remember,
    restrictions_for,
    version_holder,
    view_restriction_ids,
)
from clinic.caching.content_version import current_version
from clinic.models.fields import optional_link
from clinic.pages.page_pickers import PagePickersForm
from clinic.pages.panels import ReadingLevelPanel
from clinic.pages.schema_org import web_page_node


class BasePage(Page):
    """Every page of the site. Subclasses add tabs to the editor through `extra_tabs`."""

    social_image = optional_link(
        "wagtailimages.Image",
        verbose_name="sharing image",
        help_text=(
            "Optional. Shown when this page is shared on social media or in a messaging app. "
            "Without one, the page's own main image is used, or else the clinic's default. "
            "At least 1200 × 630 pixels; it is cropped to that shape."
        ),
    )

    show_in_menus_default = False
    # Lists of pages to pick from show live English pages, A to Z (clinic.pages.page_pickers).
    base_form_class = PagePickersForm

    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel([FieldPanel("social_image")], heading="For social media"),
    ]

    # The fields of prose patients read, measured for the editor's reading grade (see
    # clinic.pages.readability). Page types that are mostly lists and links leave it empty.
    reading_fields = ()

    # (heading, panels) pairs shown between the "Content" and "Promote" tabs of the editor.
    extra_tabs = []

    class Meta:
        abstract = True

    @classproperty
    def edit_handler(cls):
        content = list(cls.content_panels)
        if cls.reading_fields:
            content.insert(0, ReadingLevelPanel(heading="Reading level"))
        tabs = [ObjectList(content, heading="Content")]
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
    # Relations the page's own template shows, loaded with it when its section routes to it.
    own_select_related = ()
    # Its own lists (e.g. opening hours) likewise: kept with the page in the route cache.
    own_prefetch_related = ()
    # A page type site search finds sets this (see site_search); other page types stay out.
    search_result_type = None
    # A page type whose pages are services the clinic offers names their schema.org type here
    # ("MedicalProcedure"): the clinic's JSON-LD on the home page lists them (see clinic.seo.meta).
    clinic_service_type = None

    def get_view_restrictions(self):
        """Wagtail's check on every view, from the cache: no query for a page nobody restricted."""
        ids = view_restriction_ids(
            self,
            lambda: list(
                super(BasePage, self).get_view_restrictions().values_list("pk", flat=True)
            ),
        )
        return restrictions_for(ids)

    def related_content(self):
        """
        {name: value} a page type adds to its template's context: its related pages and lists
        from content alone, kept until content changes (see kept). A page type without
        relations leaves it out: its pages skip the content cache.
        """
        return {}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if type(self).related_content is not BasePage.related_content:
            context.update(self.kept(request, "related", self.related_content))
        return context

    def kept(self, request, name, compute, *parts):
        """
        compute(), data this page shows that comes from content alone (its related pages,
        lists, cards), kept in the content cache until any content changes (clinic.caching.content_cache).
        `name` tells it from the page's other kept data; `parts` name what else it depends on (e.g. a page number). A preview and a page not yet
        saved compute it afresh: their relations are held in memory, not in the database.
        """
        if not self.pk or getattr(request, "is_preview", False):
            return compute()
        return remember(f"page-data:{name}", (type(self).__name__, self.pk, *parts), compute)

    def get_cache_key_components(self):
        """
        Wagtail's cache key for the page's fragments ({% wagtailpagecache %}), with the content
        version: a fragment may show other content (a figure's image, another page's title).
        """
        return [*super().get_cache_key_components(), current_version()]

    def _get_site_root_paths(self, cache_object=None, **kwargs):
        """
        Wagtail keeps the sites' root paths on the request, or else on each page object, and
        asks the cache for them once per page object: a list of 40 pages asked 40 times
        (8 ms on the home page). Without a request they are kept for the content version
        instead (a change to a site or a root page changes the version).
        """
        return super()._get_site_root_paths(cache_object or version_holder(), **kwargs)

    @property
    def url(self):
        """
        Page.url, worked out once per page object and address: a long list links each page
        several times (the procedure list, 235 times), and each costs Wagtail a URL reverse.
        """
        memo = self.__dict__.get("_url_memo")
        if memo is None or memo[0] != self.url_path:
            memo = self._url_memo = (self.url_path, self.get_url())
        return memo[1]

    # Templates look these up on any page: answered here, a missing attribute costs the
    # template engine a dir() of the whole page model (a millisecond in a long list).
    other_names = ()

    @property
    def display_name(self):
        """How lists and links name the page: its title (a physician's adds credentials)."""
        return self.title

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
        schema.org nodes describing this page, for its JSON-LD (see clinic.seo.meta), built from its
        fields and from what get_context() already fetched. The first node is the page itself.
        """
        return [web_page_node(meta, self)]
