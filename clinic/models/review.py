"""
Clinical pages and the state of their medical review. The review record itself (who reviewed a
page, when, and when the next review is due) belongs to the medical_review app above; a
clinical page reads it through the reverse relation `medical_review`.
"""

import datetime

from django.db import models
from django.utils import timezone

from wagtail.admin.panels import HelpPanel, Panel

from clinic.pages.translations import default_locale_id


DUE_SOON_DAYS = 30


class ReviewStatus(models.TextChoices):
    NEVER = "never", "Never reviewed"
    OVERDUE = "overdue", "Overdue"
    DUE_SOON = "due soon", f"Due within {DUE_SOON_DAYS} days"
    CURRENT = "current", "Up to date"


def review_status(next_review_due, today=None):
    """The ReviewStatus of a page whose next review is due on `next_review_due` (or never)."""
    if next_review_due is None:
        return ReviewStatus.NEVER
    today = today or timezone.localdate()
    if next_review_due < today:
        return ReviewStatus.OVERDUE
    if next_review_due <= today + datetime.timedelta(days=DUE_SOON_DAYS):
        return ReviewStatus.DUE_SOON
    return ReviewStatus.CURRENT


class ReviewStatusPanel(Panel):
    """Tells the editor whether the page's medical review is overdue, due soon or current."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "clinic/admin/review_status_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["page"] = self.instance
            context["status"] = self.instance.review_status
            return context


class MedicalReviewMixin(models.Model):
    """A clinical page: a medical reviewer approves it before it goes live, and again yearly."""

    review_panels = [
        ReviewStatusPanel(),
        HelpPanel(
            content=(
                "Clinical pages are approved by a medical reviewer before they go live. Submit "
                "the page for review with the button at the bottom of the editor; the approval "
                "records who reviewed it and when, and patients see that record."
            )
        ),
    ]
    # The review line the page shows, loaded with the page (see IndexPage.route).
    own_select_related = ["medical_review__reviewer"]

    class Meta:
        abstract = True

    @property
    def review(self):
        """The page's review record, or None before its first review."""
        if self.pk is None:
            return None
        return getattr(self, "medical_review", None)

    @property
    def reviewed_by(self):
        return self.review.reviewer if self.review else None

    @property
    def last_reviewed(self):
        return self.review.last_reviewed if self.review else None

    @property
    def next_review_due(self):
        return self.review.next_review_due if self.review else None

    @property
    def review_status(self):
        return review_status(self.next_review_due)

    @property
    def is_unreviewed_translation(self):
        """
        A translation with no review of its own: its source's review does not cover it (the
        translation may say something else), so patients are told.
        """
        return self.review is None and self.locale_id != default_locale_id()
