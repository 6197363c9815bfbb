"""Vocabularies shared by several content apps. Editors manage them as snippets."""

from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from clinic.i18n import in_reader_language


class BodyRegion(index.Indexed, Orderable):
    """Where it hurts, in a patient's words: procedures and conditions are grouped by these."""

    name = models.CharField(
        max_length=80,
        unique=True,
        help_text="In plain words a patient would use, e.g. “Lower back”.",
    )
    slug = models.SlugField(
        max_length=80,
        unique=True,
        help_text="Used in web addresses and page anchors. Lower case letters, numbers and hyphens.",
    )
    description = models.CharField(
        max_length=200,
        blank=True,
        help_text="Optional. One short line saying what this region covers, e.g. “Including the shoulders”.",
    )

    # What Spanish pages show (the English words where these are empty).
    name_es = models.CharField("name in Spanish", max_length=80, blank=True)
    description_es = models.CharField("description in Spanish", max_length=200, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("name_es"),
        FieldPanel("description_es"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(Orderable.Meta):
        verbose_name = "body region"

    def __str__(self):
        return self.shown_name

    @property
    def shown_name(self):
        """The name in the reader's language."""
        return in_reader_language(self, "name")

    @property
    def shown_description(self):
        return in_reader_language(self, "description")


class Specialty(index.Indexed, models.Model):
    """A medical specialty or care-team discipline, e.g. anesthesiology or physical therapy."""

    name = models.CharField(
        max_length=100,
        unique=True,
        help_text="The name of the field, e.g. “Anesthesiology” or “Physical therapy”.",
    )
    practitioner_title = models.CharField(
        max_length=100,
        blank=True,
        help_text="What patients call the professionals in this field, plural, e.g. “Anesthesiologists”.",
    )
    description = models.TextField(
        max_length=400,
        blank=True,
        help_text="One or two plain sentences on what these professionals do for a patient in pain.",
    )
    on_care_team = models.BooleanField(
        "show on the care team",
        default=False,
        help_text="Tick to list this discipline where the site describes the clinic's care team.",
    )
    sort_order = models.PositiveSmallIntegerField(
        default=0, help_text="Lower numbers are listed first on the care team."
    )
    schema_org = models.CharField(
        "for search engines",
        max_length=40,
        blank=True,
        choices=[
            ("Anesthesia", "Anesthesia"),
            ("Geriatric", "Geriatrics"),
            ("Musculoskeletal", "Musculoskeletal medicine"),
            ("Neurologic", "Neurology"),
            ("Nursing", "Nursing"),
            ("Physiotherapy", "Physiotherapy"),
            ("PrimaryCare", "Primary care"),
            ("Psychiatric", "Psychiatry"),
            ("Radiography", "Radiology"),
            ("Rheumatologic", "Rheumatology"),
            ("Surgical", "Surgery"),
        ],
        help_text=(
            "Optional. The closest specialty in the list search engines understand "
            "(schema.org). Leave empty if none fits."
        ),
    )

    # What Spanish pages show (the English words where these are empty).
    name_es = models.CharField("name in Spanish", max_length=100, blank=True)
    practitioner_title_es = models.CharField(
        "practitioner title in Spanish", max_length=100, blank=True
    )
    description_es = models.TextField("description in Spanish", max_length=400, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("practitioner_title"),
        FieldPanel("description"),
        FieldPanel("name_es"),
        FieldPanel("practitioner_title_es"),
        FieldPanel("description_es"),
        FieldPanel("on_care_team"),
        FieldPanel("schema_org"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("practitioner_title"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        verbose_name = "specialty"
        verbose_name_plural = "specialties"
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    @property
    def shown_title(self):
        """What patients call these professionals, in the reader's language."""
        return in_reader_language(self, "practitioner_title") or in_reader_language(self, "name")

    @property
    def shown_description(self):
        return in_reader_language(self, "description")


class Language(models.Model):
    """A language a physician speaks with patients."""

    name = models.CharField(max_length=60, unique=True, help_text="In English, e.g. “Spanish”.")

    panels = [FieldPanel("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name
