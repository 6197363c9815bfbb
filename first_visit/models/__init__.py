"""The feature's models: the insurance plans and pages for new patients, per site, and the pages listing the plans."""

from first_visit.models.insurance import InsurancePlan, PlanKind, plan_groups
from first_visit.models.patient_pages import PATIENT_PAGE_FIELDS, PATIENT_PAGES
from first_visit.models.plan_listings import (
    ListsPlansMixin,
    PageListingPlans,
    pages_listing_plans,
    reindex_pages_listing_plans,
)
from first_visit.models.visit_settings import FirstVisitSettings


__all__ = [
    "PATIENT_PAGES",
    "PATIENT_PAGE_FIELDS",
    "FirstVisitSettings",
    "InsurancePlan",
    "ListsPlansMixin",
    "PageListingPlans",
    "PlanKind",
    "pages_listing_plans",
    "plan_groups",
    "reindex_pages_listing_plans",
]
