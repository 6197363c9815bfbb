"""Fields and behaviour that several page types share, each mixin with its own panels."""

from dataclasses import dataclass

from django.core.validators import MaxLengthValidator
from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from clinic.models.fields import LinesField


def listed(pages):
    """
    `pages` (a queryset of pages) without their StreamFields, for lists and cards that show a
    title and a summary: a kept page unpickles its body again (JSON parsing and all) on every
    use. In a preview, relations are held in memory, where there is nothing to leave out.
    """
    defer = getattr(pages, "defer_streamfields", None)
    return defer() if defer else pages


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

    also_known_as = LinesField(
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


class IntroMixin(models.Model):
    """A sentence or two at the top of a page that lists or gathers other things."""

    intro = models.TextField(
        blank=True,
        help_text="One or two sentences at the top of the page, in plain words.",
    )

    intro_panels = [FieldPanel("intro")]

    class Meta:
        abstract = True

    def get_meta_description(self):
        return self.search_description or self.intro
