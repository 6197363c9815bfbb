"""
The medical review of clinical pages: the workflow task a clinician approves, and the record of
the latest review of each page (who, when, and when the next one is due) that patients see.
"""

import calendar
import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from wagtail.models import AbstractGroupApprovalTask

from clinic.models.fields import optional_link


REVIEW_INTERVAL_MONTHS = 12
# The group whose members approve clinical pages (see home.roles).
MEDICAL_REVIEWERS = "Medical reviewers"


def add_months(date, months):
    month = date.month - 1 + months
    year = date.year + month // 12
    month = month % 12 + 1
    day = min(date.day, calendar.monthrange(year, month)[1])
    return datetime.date(year, month, day)


CANNOT_APPROVE = (
    "You cannot approve clinical pages yet. Patients see who reviewed a page, with their "
    "credentials, and your account is not linked to a physician profile that has them. Ask a "
    "site admin to fill in Credentials (e.g. “M.D.”) on your physician profile and to choose "
    "that profile for your account in Settings › Users, under Physician profile. You can still "
    "request changes."
)


def reviewer_profile(user):
    """
    The physician profile that names `user` on the pages they approve ("Robin Reviewer,
    M.D."), or None if they have none, or one without credentials: then they cannot approve.
    """
    if user is None or not user.is_authenticated:
        return None
    link = getattr(user, "physician_account", None)  # the reverse one-to-one, if any
    profile = link.physician if link else None
    if profile is None or not profile.credentials.strip():
        return None
    return profile


class MedicalReviewTask(AbstractGroupApprovalTask):
    """
    A clinician approves a clinical page before it goes live. The approval is recorded as the
    page's MedicalReview: who reviewed it (their physician profile) and when, and when the next
    review is due. Only a reviewer whose account names them with credentials may approve; any
    member of the reviewers' groups may request changes.
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

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if reviewer_profile(user) is None:
            return [action for action in actions if action[0] != "approve"]
        return actions


class MedicalReview(models.Model):
    """The latest medical review of one clinical page (a procedure or a condition)."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="medical_review",
    )
    reviewer = optional_link(
        "physicians.PhysicianPage",
        related_name="medical_reviews",
        verbose_name="reviewed by",
        help_text="The physician who approved the page.",
    )
    last_reviewed = models.DateField(help_text="The day a medical reviewer approved the page.")
    next_review_due = models.DateField(
        help_text=(
            f"{REVIEW_INTERVAL_MONTHS} months after the last review unless a reviewer chose an "
            "earlier date."
        ),
    )

    class Meta:
        # The words of the Settings menu: "Review records".
        verbose_name = "review record"
        verbose_name_plural = "review records"

    def __str__(self):
        return f"Medical review of {self.page}"

    def clean(self):
        super().clean()
        if self.last_reviewed and self.last_reviewed > timezone.localdate():
            raise ValidationError({"last_reviewed": "The last review cannot be in the future."})
        if (
            self.last_reviewed
            and self.next_review_due
            and self.next_review_due < self.last_reviewed
        ):
            raise ValidationError(
                {"next_review_due": "The next review cannot be due before the last review."}
            )


def record_review(page, reviewer, date=None):
    """A medical reviewer approved `page` on `date` (today by default): record it."""
    date = date or timezone.localdate()
    review, _ = MedicalReview.objects.update_or_create(
        page_id=page.pk,
        defaults={
            "reviewer": reviewer,
            "last_reviewed": date,
            "next_review_due": add_months(date, REVIEW_INTERVAL_MONTHS),
        },
    )
    # The page object may have looked up (and cached) its missing record already.
    page._state.fields_cache.pop("medical_review", None)
    return review
