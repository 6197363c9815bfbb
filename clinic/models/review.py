"""
Medical review of clinical pages: who reviewed a page and when, when it is next due, and the
workflow task whose approval records that review.
"""

import calendar
import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from wagtail.admin.panels import FieldPanel, HelpPanel, Panel
from wagtail.models import AbstractGroupApprovalTask


REVIEW_INTERVAL_MONTHS = 12
DUE_SOON_DAYS = 30


def add_months(date, months):
    month = date.month - 1 + months
    year = date.year + month // 12
    month = month % 12 + 1
    day = min(date.day, calendar.monthrange(year, month)[1])
    return datetime.date(year, month, day)


class MedicalReviewTask(AbstractGroupApprovalTask):
    """
    A clinician approves a clinical page before it goes live. The approval is recorded on the
    page: who reviewed it (their physician profile) and when, and when the next review is due.
    """

    class Meta:
        verbose_name = "medical review task"
        verbose_name_plural = "medical review tasks"

    @classmethod
    def get_description(cls):
        return (
            "Members of the chosen groups approve clinical pages. Their approval publishes the "
            "page and is shown to patients as its medical review."
        )


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
    """The review record of a clinical page, which patients see near the end of it."""

    reviewed_by = models.ForeignKey(
        "physicians.PhysicianPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Filled in when a medical reviewer approves the page. Change it only to correct it.",
    )
    last_reviewed = models.DateField(
        null=True,
        blank=True,
        help_text="Filled in when a medical reviewer approves the page.",
    )
    next_review_due = models.DateField(
        null=True,
        blank=True,
        help_text=(
            f"Set to {REVIEW_INTERVAL_MONTHS} months after the last review when a reviewer "
            "approves the page. Choose an earlier date if the page needs checking sooner."
        ),
    )

    review_panels = [
        ReviewStatusPanel(),
        HelpPanel(
            content=(
                "Clinical pages are approved by a medical reviewer before they go live. Submit "
                "the page for review with the button at the bottom of the editor; the approval "
                "fills in this record."
            )
        ),
        FieldPanel("reviewed_by"),
        FieldPanel("last_reviewed"),
        FieldPanel("next_review_due"),
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.last_reviewed and not self.next_review_due:
            self.next_review_due = add_months(self.last_reviewed, REVIEW_INTERVAL_MONTHS)
        if (
            self.last_reviewed
            and self.next_review_due
            and self.next_review_due < self.last_reviewed
        ):
            raise ValidationError(
                {"next_review_due": "The next review cannot be due before the last review."}
            )
        if self.last_reviewed and self.last_reviewed > timezone.localdate():
            raise ValidationError({"last_reviewed": "The last review cannot be in the future."})

    def record_review(self, reviewer, date=None):
        """A medical reviewer approved the page on `date` (today by default)."""
        date = date or timezone.localdate()
        self.last_reviewed = date
        self.next_review_due = add_months(date, REVIEW_INTERVAL_MONTHS)
        if reviewer is not None:
            self.reviewed_by = reviewer

    @property
    def review_status(self):
        """ "never", "overdue", "due soon" or "current"."""
        if not self.last_reviewed or not self.next_review_due:
            return "never"
        today = timezone.localdate()
        if self.next_review_due < today:
            return "overdue"
        if self.next_review_due <= today + datetime.timedelta(days=DUE_SOON_DAYS):
            return "due soon"
        return "current"
