from django import forms
from django.db import models
from django.http import Http404

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from clinic.blocks import RICH_TEXT_FEATURES
from clinic.models import BasePage, BodyRegion, Specialty, lines
from clinic.models.fields import LinesField, optional_link
from clinic.pages.translations import each_in_language, in_language
from news.models import NewsPostPage


class HomePage(BasePage):
    """The front door: what interventional pain management is, and the ways into the site."""

    reading_fields = ("hero_text", "intro", "difference", "care_team_intro", "procedures_intro")

    hero_heading = models.CharField(
        max_length=120,
        help_text="The main heading of the site, e.g. “Relief from long-lasting pain”.",
    )
    hero_text = models.TextField(
        max_length=400,
        help_text="Two or three sentences under the heading, in plain words.",
    )
    intro_heading = models.CharField(
        max_length=120, default="What is interventional pain management?"
    )
    intro = RichTextField(
        features=RICH_TEXT_FEATURES,
        help_text="What interventional pain management is, for someone who has never heard of it.",
    )
    difference_heading = models.CharField(max_length=120, default="How is it different?")
    difference = RichTextField(
        features=RICH_TEXT_FEATURES,
        help_text="How it differs from other pain treatments, such as medicines alone.",
    )
    pain_heading = models.CharField(max_length=120, default="Pain we treat")
    pain_types = LinesField(
        help_text="Kinds of pain the clinic treats, one per line, e.g. “Neck pain”.",
    )
    care_team_heading = models.CharField(max_length=120, default="Your care team")
    care_team_intro = RichTextField(
        features=RICH_TEXT_FEATURES,
        help_text=(
            "How the team works together. The disciplines listed under it are the specialties "
            "marked “show on the care team” under Snippets."
        ),
    )
    care_team_page = optional_link(
        "wagtailcore.Page",
        help_text="Optional. A page with more about the care team.",
    )
    procedures_heading = models.CharField(max_length=120, default="Common procedures")
    procedures_intro = models.TextField(
        blank=True,
        max_length=300,
        help_text="Optional. A sentence above the featured procedures.",
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "procedures.ProcedureIndexPage",
        "conditions.ConditionIndexPage",
        "physicians.PhysicianIndexPage",
        "news.NewsIndexPage",
        "home.StandardPage",
        "home.BodyRegionIndexPage",
        "locations.LocationIndexPage",
        "home.ContactPage",
    ]
    max_count = 1

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("hero_heading"),
        FieldPanel("hero_text"),
    ]
    extra_tabs = [
        (
            "What we do",
            [
                MultiFieldPanel(
                    [FieldPanel("intro_heading"), FieldPanel("intro")],
                    heading="Introduction",
                ),
                MultiFieldPanel(
                    [FieldPanel("difference_heading"), FieldPanel("difference")],
                    heading="How it is different",
                ),
                MultiFieldPanel(
                    [FieldPanel("pain_heading"), FieldPanel("pain_types")],
                    heading="Pain we treat",
                ),
            ],
        ),
        (
            "Care team",
            [
                FieldPanel("care_team_heading"),
                FieldPanel("care_team_intro"),
                FieldPanel("care_team_page"),
            ],
        ),
        (
            "Featured procedures",
            [
                HelpPanel(
                    content="Procedures shown on the home page, in this order. Three to six work best."
                ),
                FieldPanel("procedures_heading"),
                FieldPanel("procedures_intro"),
                InlinePanel("featured_procedures", label="Procedure", max_num=9),
            ],
        ),
    ]

    class Meta:
        verbose_name = "home page"

    def route(self, request, path_components):
        """
        Find the section page in one query instead of two when the request goes deeper
        (/procedures/<slug>/): the section is only passed through, so its own fields are
        loaded only if it is the page being shown.
        """
        if not path_components:
            return super().route(request, path_components)
        child = self.get_children().filter(slug=path_components[0]).specific(defer=True).first()
        if child is None:
            raise Http404
        if len(path_components) == 1 or isinstance(child, RoutablePageMixin):
            # It is the page shown (a routable page shows its own routes): all its fields.
            child = type(child)._default_manager.get(pk=child.pk)
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])

    def get_meta_title(self):
        return self.seo_title or self.hero_heading

    def get_meta_description(self):
        return self.search_description or self.hero_text

    @property
    def pain_type_list(self):
        return lines(self.pain_types)

    def related_content(self):
        return {
            "featured_procedure_list": in_language(
                item.procedure
                for item in self.featured_procedures.select_related("procedure").defer(
                    "procedure__body"
                )
                if item.procedure and item.procedure.live
            ),
            "care_team": list(Specialty.objects.filter(on_care_team=True)),
            # The English page is chosen; a reader of Spanish gets its translation if live.
            "care_team_page": in_language([self.care_team_page])[0]
            if self.care_team_page
            else None,
            "body_regions": list(BodyRegion.objects.all()),
            "latest_news": each_in_language(
                NewsPostPage.objects.live().for_cards(),
                limit=3,
                translations=NewsPostPage.objects.for_cards(),
            ),
        }


class HomePageFeaturedProcedure(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_procedures")
    procedure = models.ForeignKey(
        "procedures.ProcedurePage", on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("procedure", widget=forms.Select)]
