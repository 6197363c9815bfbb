"""The core layer's models: the base page and its mixins, the shared lists, the clinic's details."""

from .base import (
    AlsoKnownAsMixin,
    BasePage,
    IndexPage,
    ListingFieldsMixin,
    SearchResultType,
    a_to_z_entries,
    lines,
)
from .review import MedicalReviewMixin, ReviewStatus, review_status
from .site_settings import ClinicOpeningHours, ClinicSettings
from .taxonomy import BodyRegion, Language, Specialty


__all__ = [
    "AlsoKnownAsMixin",
    "BasePage",
    "BodyRegion",
    "ClinicOpeningHours",
    "ClinicSettings",
    "IndexPage",
    "Language",
    "ListingFieldsMixin",
    "MedicalReviewMixin",
    "ReviewStatus",
    "SearchResultType",
    "Specialty",
    "a_to_z_entries",
    "lines",
    "review_status",
]
