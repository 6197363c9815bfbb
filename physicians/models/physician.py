from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel, TitleFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from clinic.blocks import RICH_TEXT_FEATURES
from clinic.models import BasePage, ListingFieldsMixin, SearchResultType, listed
from clinic.models.fields import optional_link
from clinic.pages.images import check_image_size
from clinic.pages.schema_org import clinic_id, page_links, web_page_node
from clinic.pages.translations import in_language, source_of
from physicians.panels import AdminAccountPanel


class PhysicianQuerySet(PageQuerySet):
    def for_cards(self):
        """
        What a physician card shows (photo, specialties), without a query per physician. The
        photo's renditions come from Wagtail's rendition cache (see NewsPostQuerySet.for_cards).
        """
        return (
            self.defer_streamfields()
            .select_related("photo")
            .prefetch_related("specialties")
            .order_by("family_name", "title")
        )


class PhysicianPage(ListingFieldsMixin, BasePage):
    """A physician's profile. Only state what the physician has confirmed."""

    search_result_type = SearchResultType("physicians", _("Physician"), _("Physicians"), order=3)
    reading_fields = ("summary", "biography")

    appointment_subject = True

    family_name = models.CharField(
        max_length=80,
        help_text="Used to list physicians alphabetically, e.g. “Chaudhry”.",
    )
    credentials = models.CharField(
        max_length=80,
        blank=True,
        help_text="Degrees after the name, e.g. “M.D.” or “D.O.”. Leave empty to show “Dr.” before the name.",
    )
    photo = optional_link(
        "wagtailimages.Image",
        help_text=(
            "A recent head-and-shoulders photo the physician has approved. Give the image a "
            "description, e.g. “Portrait of Dr. Jane Doe”; it is read to people who cannot see it."
        ),
    )
    specialties = ParentalManyToManyField(
        "clinic.Specialty",
        related_name="physicians",
        blank=True,
        help_text="Medical specialties the physician is trained in.",
    )
    procedures_performed = ParentalManyToManyField(
        "procedures.ProcedurePage",
        related_name="physicians",
        blank=True,
        help_text="Procedures this physician performs. Each procedure page then lists the physician.",
    )
    conditions_treated = ParentalManyToManyField(
        "conditions.ConditionPage",
        related_name="physicians",
        blank=True,
        help_text="Conditions this physician treats. Each condition page then lists the physician.",
    )
    languages = ParentalManyToManyField(
        "clinic.Language",
        related_name="physicians",
        blank=True,
        help_text="Languages the physician speaks with patients.",
    )
    locations = ParentalManyToManyField(
        "locations.LocationPage",
        related_name="physicians",
        blank=True,
        help_text="Where the physician sees patients. Each location page then lists the physician.",
    )
    accepting_new_patients = models.BooleanField(
        null=True,
        blank=True,
        choices=[
            (True, "Yes"),
            (False, "No"),
            (None, "Not stated: patients are asked to call"),
        ],
        default=None,
        help_text="Whether the physician takes new patients now. Keep this current.",
    )
    accepting_new_patients_checked = models.DateField(
        "new patients last checked",
        null=True,
        blank=True,
        help_text=(
            "When someone last confirmed whether the physician takes new patients. Set to today "
            "whenever the answer above changes; set it yourself after confirming it is still right."
        ),
    )
    biography = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="In the physician's own approved words: their approach and interests.",
    )

    objects = PageManager.from_queryset(PhysicianQuerySet)()

    parent_page_types = ["physicians.PhysicianIndexPage"]
    subpage_types = []

    content_panels = [
        TitleFieldPanel(
            "title",
            heading="Full name",
            help_text="As patients should see it, without “Dr.” or degrees, e.g. “Jane Q. Doe”.",
        ),
        FieldPanel("family_name"),
        FieldPanel("credentials"),
        FieldPanel("photo"),
        *ListingFieldsMixin.listing_panels,
        FieldPanel("biography"),
    ]
    extra_tabs = [
        (
            "Practice",
            [
                FieldPanel("accepting_new_patients"),
                FieldPanel("accepting_new_patients_checked"),
                FieldPanel("locations", widget=forms.CheckboxSelectMultiple),
                FieldPanel("specialties", widget=forms.CheckboxSelectMultiple),
                FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
                FieldPanel("procedures_performed", widget=forms.CheckboxSelectMultiple),
                FieldPanel("conditions_treated", widget=forms.CheckboxSelectMultiple),
            ],
        ),
        ("Admin account", [AdminAccountPanel()]),
        (
            "Education",
            [
                HelpPanel(content="Degrees, training and board certifications, most recent first."),
                InlinePanel("qualifications", label="Qualification"),
            ],
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        *ListingFieldsMixin.search_fields,
        index.SearchField("family_name", boost=2),
        index.AutocompleteField("family_name"),
        index.SearchField("biography"),
    ]

    class Meta:
        verbose_name = "physician page"

    def clean(self):
        super().clean()
        try:
            check_image_size(self.photo, 320, 320)  # the profile shows it up to 320 × 320
        except ValidationError as error:
            raise ValidationError({"photo": error}) from error
        if self.accepting_new_patients_changed():
            self.accepting_new_patients_checked = timezone.localdate()

    def accepting_new_patients_changed(self):
        """Whether this version says something different about new patients from the live page."""
        if self.pk is None:
            return self.accepting_new_patients is not None
        live = (
            PhysicianPage.objects.filter(pk=self.pk)
            .values_list("accepting_new_patients", flat=True)
            .first()
        )
        return live != self.accepting_new_patients

    og_type = "profile"

    def get_meta_title(self):
        return self.seo_title or self.display_name

    def get_main_image(self):
        return self.photo

    def get_schema_org(self, meta, context):
        physician = {
            "@type": "Physician",
            "@id": f"{meta.url}#physician",
            "name": self.display_name,
            "url": meta.url,
            "description": meta.description,
            "practicesAt": [
                {"@type": "MedicalClinic", "name": location.title, "url": meta.page_url(location)}
                for location in context.get("location_list", ())
            ]
            or clinic_id(meta),
            "parentOrganization": clinic_id(meta),
        }
        clinic_settings = context.get("clinic_settings")
        if clinic_settings:  # patients reach the physician through the clinic
            physician["telephone"] = clinic_settings.phone_href.removeprefix("tel:")
            physician["address"] = clinic_settings.postal_address_schema()
        if self.photo:
            physician["image"] = meta.image_url
        specialties = [s.schema_org for s in context.get("specialty_list", ()) if s.schema_org]
        if specialties:
            physician["medicalSpecialty"] = [f"https://schema.org/{name}" for name in specialties]
        if self.accepting_new_patients is not None:
            physician["isAcceptingNewPatients"] = self.accepting_new_patients
        languages = context.get("language_list")
        if languages:
            physician["knowsLanguage"] = [language.name for language in languages]
        procedures = context.get("procedures")
        if procedures:
            physician["availableService"] = page_links(meta, procedures, "MedicalProcedure")
        page = web_page_node(
            meta, self, schema_type="ProfilePage", mainEntity={"@id": physician["@id"]}
        )
        return [page, physician]

    @property
    def display_name(self):
        if self.credentials:
            return f"{self.title}, {self.credentials}"
        return gettext("Dr. %(name)s") % {"name": self.title}

    def related_content(self):
        # A translation shows its English page's relations, each page in the reader's language
        # where translated (clinic.pages.translations).
        source = source_of(self)
        related = {
            "specialty_list": list(source.specialties.all()),
            "language_list": list(source.languages.all()),
            "qualification_list": list(self.qualifications.all()),
            # filter(live=True), not live(): in a preview these relations are held in memory.
            "location_list": in_language(source.locations.filter(live=True).order_by("path")),
            "procedures": in_language(
                listed(source.procedures_performed.filter(live=True)).order_by("title")
            ),
            "conditions": in_language(
                listed(source.conditions_treated.filter(live=True)).order_by("title")
            ),
        }
        if source.pk:  # reverse relations need a saved page; a preview of a new one has none
            # News posts live above this app; reach them through the reverse relation.
            posts = self.news_posts.model.objects
            related["news_posts"] = in_language(
                posts.live()
                # Only the English posts: a translation keeps a copy of the English relations.
                .filter(
                    Q(author=source) | Q(featured_physicians=source), locale_id=source.locale_id
                )
                .distinct()
                .for_cards()[:3],
                posts.for_cards(),
            )
        return related


class PhysicianQualification(Orderable):
    class Kind(models.TextChoices):
        DEGREE = "degree", _("Medical degree")
        RESIDENCY = "residency", _("Residency")
        FELLOWSHIP = "fellowship", _("Fellowship")
        BOARD = "board", _("Board certification")
        OTHER = "other", _("Other")

    page = ParentalKey(PhysicianPage, on_delete=models.CASCADE, related_name="qualifications")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    description = models.CharField(
        max_length=200, help_text="E.g. “Doctor of Medicine” or “Anesthesiology”."
    )
    institution = models.CharField(
        max_length=200, blank=True, help_text="The school, hospital or board."
    )
    year = models.PositiveSmallIntegerField(null=True, blank=True)

    panels = [
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("institution"),
        FieldPanel("year"),
    ]

    def __str__(self):
        return self.description
