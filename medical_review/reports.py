"""
Which clinical pages need a medical review: the admin's "Review due" report (filterable, with
CSV and Excel export), the dashboard panel, and the e-mail reminders sent to reviewers.
An overdue page stays published; it is flagged here, not hidden from patients.
"""

import datetime

import django_filters

from django.core.exceptions import PermissionDenied
from django.db.models import F, Q
from django.utils import timezone
from django.utils.text import capfirst

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Page, get_page_models
from wagtail.permission_policies.pages import PagePermissionPolicy

from clinic.models.review import DUE_SOON_DAYS, MedicalReviewMixin, review_status
from clinic.operations.exports import FormulaSafeCsvMixin

from .models import MEDICAL_REVIEWERS


def clinical_models():
    """Every page type that goes through medical review."""
    return [model for model in get_page_models() if issubclass(model, MedicalReviewMixin)]


def clinical_type_choices():
    return [
        (model._meta.model_name, capfirst(model.search_result_type.label))
        for model in clinical_models()
    ]


def works_on_clinical_pages(request):
    """
    Whether the report and the dashboard panel are for the signed-in user: medical reviewers,
    and those who may edit clinical pages. The front desk and site admins have nothing to do
    there. Worked out once a request: the admin's menu asks on every screen, twice.
    """
    if not hasattr(request, "works_on_clinical_pages"):
        request.works_on_clinical_pages = user_works_on_clinical_pages(request.user)
    return request.works_on_clinical_pages


def user_works_on_clinical_pages(user):
    if not user.is_authenticated:
        return False
    if user.groups.filter(name=MEDICAL_REVIEWERS).exists():
        return True
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return editable.type(*clinical_models()).exists()


def clinical_pages():
    """Live clinical pages with their review record: most overdue first."""
    return (
        Page.objects.live()
        .type(*clinical_models())
        .annotate(
            last_reviewed=F("medical_review__last_reviewed"),
            next_review_due=F("medical_review__next_review_due"),
            reviewer_name=F("medical_review__reviewer__title"),
            reviewer_page_id=F("medical_review__reviewer_id"),
        )
        .select_related("content_type")
        .order_by(F("next_review_due").asc(nulls_last=True), "title")
    )


def due_pages(within_days=DUE_SOON_DAYS, today=None):
    """Pages never reviewed, overdue, or due within `within_days`."""
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=within_days)
    return clinical_pages().filter(
        Q(next_review_due__isnull=True) | Q(next_review_due__lte=horizon)
    )


def status_of(page, today=None):
    return review_status(page.next_review_due, today).label


class ReviewDueFilterSet(WagtailFilterSet):
    STATUS_CHOICES = [
        ("due", "Overdue, never reviewed or due within 30 days"),
        ("overdue", "Overdue"),
        ("never", "Never reviewed"),
        ("soon", "Due within 30 days"),
        ("all", "All clinical pages"),
    ]
    status = django_filters.ChoiceFilter(
        label="Review", choices=STATUS_CHOICES, method="filter_status", empty_label=None
    )
    page_type = django_filters.ChoiceFilter(
        label="Type",
        choices=clinical_type_choices,
        method="filter_type",
        empty_label="Procedures and conditions",
    )

    class Meta:
        model = Page
        fields = []

    def __init__(self, data=None, *args, **kwargs):
        data = data.copy() if data is not None else {}
        data.setdefault("status", "due")
        super().__init__(data, *args, **kwargs)

    def filter_status(self, queryset, name, value):
        today = timezone.localdate()
        soon = today + datetime.timedelta(days=DUE_SOON_DAYS)
        if value == "overdue":
            return queryset.filter(next_review_due__lt=today)
        if value == "never":
            return queryset.filter(next_review_due__isnull=True)
        if value == "soon":
            return queryset.filter(next_review_due__gte=today, next_review_due__lte=soon)
        if value == "due":
            return queryset.filter(Q(next_review_due__isnull=True) | Q(next_review_due__lte=soon))
        return queryset

    def filter_type(self, queryset, name, value):
        return queryset.filter(content_type__model=value)


class ReviewDueReportView(FormulaSafeCsvMixin, PageReportView):
    page_title = "Medical review due"
    header_icon = "tasks"
    results_template_name = "medical_review/admin/review_due_results.html"
    filterset_class = ReviewDueFilterSet
    index_url_name = "review_due_report"
    index_results_url_name = "review_due_report_results"
    any_permission_required = None  # see dispatch(): reviewers hold no page permission to edit

    def dispatch(self, request, *args, **kwargs):
        if not works_on_clinical_pages(request):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    export_headings = {
        "title": "Page",
        "page_type": "Type",
        "reviewer_name": "Reviewed by",
        "last_reviewed": "Last reviewed",
        "next_review_due": "Next review due",
        "review_status": "Status",
    }
    list_export = [
        "title",
        "page_type",
        "reviewer_name",
        "last_reviewed",
        "next_review_due",
        "review_status",
    ]

    def get_queryset(self):
        return clinical_pages()

    def decorate_paginated_queryset(self, object_list):
        labels = dict(clinical_type_choices())
        today = timezone.localdate()
        for page in object_list:
            page.page_type = labels.get(page.content_type.model, "")
            page.review_status = status_of(page, today)
        return object_list

    def to_row_dict(self, item):
        self.decorate_paginated_queryset([item])
        return super().to_row_dict(item)


class ReviewDuePanel(Component):
    """
    The admin home page's list of clinical pages that need a review soon. Each page links to
    its editor for those who may edit it, and to the page itself for reviewers.
    """

    name = "review_due"
    # After Wagtail's "Awaiting your review" (220): what a reviewer must act on comes first.
    order = 230
    template_name = "medical_review/admin/review_due_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        pages = list(due_pages(today=today)[:10])
        editable = set(
            PagePermissionPolicy()
            .instances_user_has_permission_for(self.user, "change")
            .filter(pk__in=[page.pk for page in pages])
            .values_list("pk", flat=True)
        )
        for page in pages:
            page.review_status = status_of(page, today)
            page.can_edit = page.pk in editable
        return {"pages": pages, "total": due_pages(today=today).count()}
