"""
More of what staff work through in the admin: procedure pages (each with its relations, a
review record and a physician who performs it), appointment requests and pages waiting for a
medical review. The admin's query budgets (tests/site/test_admin_query_budget.py) and
`make bench` (scripts/bench_admin.py) add them to the demo clinic to see that the admin's
screens do as much work for a clinic ten times the size.
"""

import datetime
import itertools

from django.utils import timezone

from wagtail.models import Page, WorkflowState

from appointments.models import AppointmentRequest
from clinic.models import BodyRegion
from conditions.models import ConditionPage
from locations.models import LocationPage
from medical_review.models import MedicalReview
from medical_review.reports import clinical_models
from physicians.models import PhysicianPage
from procedures.factories import ProcedurePageFactory
from procedures.models import ProcedureIndexPage, ProcedurePage


def english(model):
    return model.objects.filter(locale__language_code="en")


def add_procedures(count, prefix="Extra procedure"):
    """`count` live procedure pages, each related to the demo's regions, conditions and
    procedures and performed by the demo's physicians."""
    index = english(ProcedureIndexPage).get()
    regions = list(BodyRegion.objects.all()[:2])
    conditions = list(english(ConditionPage).live()[:3])
    earlier = list(english(ProcedurePage).live()[:2])
    physicians = list(english(PhysicianPage))
    start = ProcedurePage.objects.filter(title__startswith=prefix).count()
    pages = []
    for number in range(start, start + count):
        pages.append(
            ProcedurePageFactory(
                parent=index,
                title=f"{prefix} {number}",
                slug=f"{prefix.lower().replace(' ', '-')}-{number}",
                body_regions=regions,
                conditions_treated=conditions,
                prerequisites=earlier,
            )
        )
    for physician in physicians:
        physician.procedures_performed.add(*pages)
        physician.save()
    return pages


def add_reviews(pages, reviewer=None, today=None):
    """A review record for each of `pages`, a third of them overdue and a third due soon."""
    today = today or timezone.localdate()
    offsets = itertools.cycle([-40, 10, 200])
    records = []
    for page, offset in zip(pages, offsets, strict=False):
        due = today + datetime.timedelta(days=offset)
        records.append(
            MedicalReview(
                page_id=page.pk,
                reviewer=reviewer,
                last_reviewed=min(today, due - datetime.timedelta(days=365)),
                next_review_due=due,
            )
        )
    MedicalReview.objects.bulk_create(records, ignore_conflicts=True)


def submit_for_review(pages, user):
    """Send each of `pages` (with a new draft) to its section's workflow: medical review."""
    for page in pages:
        page.save_revision(user=user)
        page.get_workflow().start(page, user)


def add_requests(count):
    """`count` appointment requests from patients, about the demo's pages and places."""
    about = itertools.cycle(english(ProcedurePage).live()[:5])
    places = itertools.cycle(english(LocationPage)[:2] or [None])
    physicians = itertools.cycle(english(PhysicianPage)[:2] or [None])
    statuses = itertools.cycle(AppointmentRequest.Status.values)
    AppointmentRequest.objects.bulk_create(
        AppointmentRequest(
            name=f"Patient {number}",
            phone="(312) 555-0190",
            patient_type=AppointmentRequest.PatientType.NEW,
            preferred_location=next(places),
            preferred_physician=next(physicians),
            preferred_days=["tue"],
            about_page=next(about),
            consent_at=timezone.now(),
            status=next(statuses),
        )
        for number in range(count)
    )


def in_review():
    return WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS).count()


def stock(editor):
    """What a working clinic has beside the demo's pages: a review record for every clinical
    page, three procedures waiting for review and a page (25) of appointment requests."""
    add_reviews(Page.objects.live().type(*clinical_models()))
    submit_for_review(english(ProcedurePage).live()[:3], editor)
    add_requests(25 - AppointmentRequest.objects.count())


def grow(factor, editor):
    """`factor` times the procedures (each reviewed), the pages waiting for review and the
    appointment requests there are now."""
    procedures, waiting = english(ProcedurePage).count(), in_review()
    requests = AppointmentRequest.objects.count()
    added = add_procedures(procedures * (factor - 1))
    add_reviews(added)
    submit_for_review(added[: waiting * (factor - 1)], editor)
    add_requests(requests * (factor - 1))
