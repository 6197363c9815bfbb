"""The core layer's models: the base page and its mixins, the shared lists, the clinic's details."""

from .base import BasePage
from .content_version import ContentVersion
from .index import AToZIndexPage, IndexPage, a_to_z_entries
from .insurance import InsurancePlan, PlanKind
from .mixins import (
    AlsoKnownAsMixin,
    IntroMixin,
    ListingFieldsMixin,
    SearchResultType,
    lines,
    listed,
)
from .review import MedicalReviewMixin, ReviewStatus, review_status
from .site_settings import ClinicOpeningHours, ClinicSettings
from .taxonomy import BodyRegion, Language, Specialty


__all__ = [
    "AToZIndexPage",
    "AlsoKnownAsMixin",
    "BasePage",
    "BodyRegion",
    "ClinicOpeningHours",
    "ClinicSettings",
    "ContentVersion",
    "IndexPage",
    "InsurancePlan",
    "IntroMixin",
    "Language",
    "ListingFieldsMixin",
    "MedicalReviewMixin",
    "PlanKind",
    "ReviewStatus",
    "SearchResultType",
    "Specialty",
    "a_to_z_entries",
    "lines",
    "listed",
    "review_status",
]
