import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import InvalidPage, Paginator
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from clinic.blocks import BodyBlock
from clinic.i18n import wording_in_reader_language
from clinic.models import (
    BasePage,
    IndexPage,
    ListingFieldsMixin,
    SearchResultType,
    listed,
)
from clinic.models.fields import optional_link
from clinic.pages.images import check_image_size
from clinic.pages.schema_org import clinic_id, language_tag, person_node, web_page_node
from clinic.pages.translations import in_language, source_of
from first_visit.models import ListsPlansMixin

from .feeds import AtomNewsFeed, NewsFeed


class NewsCategory(models.Model):
    """A topic that groups news posts, e.g. “Doctor profiles”."""

    name = models.CharField(max_length=80, unique=True)
    name_es = models.CharField(
        "name in Spanish",
        max_length=80,
        blank=True,
        help_text="Shown on Spanish pages; left empty, the English name is shown, marked English.",
    )
    slug = models.SlugField(max_length=80, unique=True)

    panels = [FieldPanel("name"), FieldPanel("name_es"), FieldPanel("slug")]

    class Meta:
        verbose_name = "news category"
        verbose_name_plural = "news categories"
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def name_wording(self):
        """The name in the reader's language, or the English one marked as such."""
        return wording_in_reader_language(self, "name")


class NewsPostQuerySet(PageQuerySet):
    def for_cards(self):
        """
        What a news card shows (date, title, summary, image), newest first, in fixed queries.
        The image's renditions come from Wagtail's rendition cache (the shared cache), not from
        a prefetch: these cards are kept in the content cache, and a prefetch kept there would
        miss the renditions their first view makes.
        """
        return self.defer_streamfields().select_related("image").order_by("-date", "-pk")


class NewsIndexPage(RoutablePageMixin, IndexPage):
    """/news/: the clinic's news, newest first, ten to a page, with RSS and Atom feeds."""

    child_model = "news.NewsPostPage"
    subpage_types = [child_model]
    posts_per_page = 10

    class Meta:
        verbose_name = "news index page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        try:
            page_number = int(request.GET.get("page", "1"))
        except ValueError as error:
            raise Http404("There is no such page of news.") from error

        def one_page_of_posts():
            paginator = Paginator(self.live_children().for_cards(), self.posts_per_page)
            try:
                posts_page = paginator.page(page_number)
            except InvalidPage:
                return None
            posts_page.object_list = in_language(
                posts_page.object_list, NewsPostPage.objects.for_cards()
            )
            # Kept without the query of every post (pickling it would fetch them all): the
            # number of pages, counted now, is all the page links need of it.
            paginator.num_pages  # noqa: B018 (a cached property: counted and kept)
            paginator.object_list = ()
            return {"posts": posts_page, "paginator": paginator}

        found = self.kept(request, "posts", one_page_of_posts, page_number)
        if found is None:
            raise Http404("There is no such page of news.")
        context.update(found)
        return context

    @path("feed/")
    def rss_feed(self, request):
        return NewsFeed(self)(request)

    @path("atom/")
    def atom_feed(self, request):
        return AtomNewsFeed(self)(request)


class NewsPostPage(ListingFieldsMixin, ListsPlansMixin, BasePage):
    """A news post or article, e.g. a new physician joining the clinic."""

    search_result_type = SearchResultType("news", _("News"), _("News"), order=5)
    reading_fields = ("summary", "body")
    own_select_related = ("image",)

    date = models.DateField(
        "post date",
        default=datetime.date.today,
        help_text="The date shown on the post. Posts are listed newest first.",
    )
    author = optional_link(
        "physicians.PhysicianPage",
        related_name="authored_news_posts",
        help_text="Optional. The physician who wrote this post.",
    )
    image = optional_link(
        "wagtailimages.Image",
        help_text="Optional. Shown at the top of the post and in listings. Give it a description for people who cannot see it.",
    )
    body = StreamField(BodyBlock(), blank=True)
    categories = ParentalManyToManyField("news.NewsCategory", related_name="news_posts", blank=True)
    featured_physicians = ParentalManyToManyField(
        "physicians.PhysicianPage",
        related_name="news_posts",
        blank=True,
        verbose_name="physicians in this post",
        help_text="Physicians the post is about. Their profiles link back to it.",
    )
    related_procedures = ParentalManyToManyField(
        "procedures.ProcedurePage", related_name="news_posts", blank=True
    )
    related_conditions = ParentalManyToManyField(
        "conditions.ConditionPage", related_name="news_posts", blank=True
    )

    objects = PageManager.from_queryset(NewsPostQuerySet)()

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        FieldPanel("author", widget=forms.Select),
        *ListingFieldsMixin.listing_panels,
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    extra_tabs = [
        (
            "Related",
            [
                FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
                FieldPanel("featured_physicians", widget=forms.CheckboxSelectMultiple),
                FieldPanel("related_procedures", widget=forms.CheckboxSelectMultiple),
                FieldPanel("related_conditions", widget=forms.CheckboxSelectMultiple),
            ],
        )
    ]
    search_fields = [
        *BasePage.search_fields,
        *ListingFieldsMixin.search_fields,
        *ListsPlansMixin.search_fields,
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    og_type = "article"

    class Meta:
        verbose_name = "news post"

    def get_main_image(self):
        return self.image or super().get_main_image()

    def get_schema_org(self, meta, context):
        author = context.get("author_page")
        article = {
            "@type": "NewsArticle",
            "@id": f"{meta.url}#article",
            "mainEntityOfPage": {"@id": f"{meta.url}#webpage"},
            "headline": self.title[:110],
            "description": meta.description,
            "datePublished": self.date,
            "dateModified": self.last_published_at or self.date,
            "author": [person_node(meta, author)] if author else [clinic_id(meta)],
            "publisher": clinic_id(meta),
            "inLanguage": language_tag(),
        }
        if meta.image:
            article["image"] = [meta.image_url]
        categories = context.get("category_list")
        if categories:
            article["articleSection"] = [str(category.name_wording) for category in categories]
        return [web_page_node(meta, self, mainEntity={"@id": article["@id"]}), article]

    def clean(self):
        super().clean()
        try:
            check_image_size(self.image, 1200, 675)  # shown up to 1200 wide, cropped to 16:9
        except ValidationError as error:
            raise ValidationError({"image": error}) from error

    def related_content(self):
        # A translation shows its English post's relations, each page in the reader's language
        # where translated (clinic.pages.translations).
        source = source_of(self)
        author = source.author
        return {
            "author_page": in_language([author])[0] if author and author.live else None,
            "category_list": list(source.categories.all()),
            # filter(live=True), not live(): in a preview these relations are held in memory.
            "physician_list": in_language(listed(source.featured_physicians.filter(live=True))),
            "procedures": in_language(
                listed(source.related_procedures.filter(live=True)).order_by("title")
            ),
            "conditions": in_language(
                listed(source.related_conditions.filter(live=True)).order_by("title")
            ),
        }
