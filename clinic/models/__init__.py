"""The clinic's core layer (base page, taxonomies, settings) and its site pages."""

from .appointments import AppointmentAccessLog, AppointmentRequest
from .base import (
    AlsoKnownAsMixin,
    BasePage,
    IndexPage,
    ListingFieldsMixin,
    a_to_z_entries,
    lines,
)
from .home import HomePage, HomePageFeaturedProcedure
from .locations import (
    LocationIndexPage,
    LocationOpeningException,
    LocationOpeningHours,
    LocationPage,
)
from .news import NewsIndexPage, NewsPostPage
from .regions import BodyRegionIndexPage
from .review import MedicalReviewMixin, MedicalReviewTask
from .search import SearchSynonym
from .site_settings import ClinicOpeningHours, ClinicSettings
from .standard import ContactPage, StandardPage
from .taxonomy import BodyRegion, Language, NewsCategory, Specialty


__all__ = [
    "AlsoKnownAsMixin",
    "AppointmentAccessLog",
    "AppointmentRequest",
    "BasePage",
    "BodyRegion",
    "BodyRegionIndexPage",
    "ClinicOpeningHours",
    "ClinicSettings",
    "ContactPage",
    "HomePage",
    "HomePageFeaturedProcedure",
    "IndexPage",
    "Language",
    "ListingFieldsMixin",
    "LocationIndexPage",
    "LocationOpeningException",
    "LocationOpeningHours",
    "LocationPage",
    "MedicalReviewMixin",
    "MedicalReviewTask",
    "NewsCategory",
    "NewsIndexPage",
    "NewsPostPage",
    "SearchSynonym",
    "Specialty",
    "StandardPage",
    "a_to_z_entries",
    "lines",
]
