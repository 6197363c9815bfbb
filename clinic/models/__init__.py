"""The core layer's models: the base page and its mixins, the shared lists, the clinic's details."""

from clinic.models.base import BasePage
from clinic.models.content_version import ContentVersion
from clinic.models.index import AToZIndexPage, IndexPage, a_to_z_entries
from clinic.models.mixins import (
    AlsoKnownAsMixin,
    IntroMixin,
    ListingFieldsMixin,
    SearchResultType,
    lines,
    listed,
)
from clinic.models.review import MedicalReviewMixin, ReviewStatus, review_status
from clinic.models.site_settings import ClinicOpeningHours, ClinicSettings
from clinic.models.taxonomy import BodyRegion, Language, Specialty


__all__ = [
    "AToZIndexPage",
    "AlsoKnownAsMixin",
    "BasePage",
    "BodyRegion",
    "ClinicOpeningHours",
    "ClinicSettings",
    "ContentVersion",
    "IndexPage",
    "IntroMixin",
    "Language",
    "ListingFieldsMixin",
    "MedicalReviewMixin",
    "ReviewStatus",
    "SearchResultType",
    "Specialty",
    "a_to_z_entries",
    "lines",
    "listed",
    "review_status",
]
