"""
The insurance plans the clinic accepts, kept by site admins in Settings › Before a visit and
shown wherever an editor places the “Insurance plans” block (clinic.blocks).
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.models import Orderable

from clinic.i18n import wording_in_reader_language


class PlanKind(models.TextChoices):
    # Patients look for their plan under the kind of cover they have; listed in this order.
    MEDICARE = "medicare", _("Medicare and Medicare Advantage")
    MEDICAID = "medicaid", _("Medicaid")
    PRIVATE = "private", _("Private insurance")
    INJURY = "injury", _("Workers’ compensation and accident claims")
    OTHER = "other", _("Other plans")


class InsurancePlan(Orderable):
    settings = ParentalKey(
        "first_visit.FirstVisitSettings", on_delete=models.CASCADE, related_name="insurance_plans"
    )
    name = models.CharField(
        max_length=120,
        help_text="The plan as patients know it, as on their card, e.g. “Blue Cross Blue Shield PPO”.",
    )
    name_es = models.CharField(
        "Spanish name",
        max_length=120,
        blank=True,
        help_text=(
            "Optional. Nombre en español: the name Spanish pages show, e.g. “Medicaid del "
            "estado”. Left empty, they show the English name, marked as English."
        ),
    )
    kind = models.CharField(
        max_length=20,
        choices=PlanKind.choices,
        default=PlanKind.PRIVATE,
        help_text="Plans are listed under these headings.",
    )

    class Meta(Orderable.Meta):
        verbose_name = "insurance plan"

    def __str__(self):
        return self.name


def plan_rows(plans):
    """What tells one list of plans from another: the order admins list them in does not count."""
    return sorted((plan.kind, plan.name.strip()) for plan in plans)


def note_insurance_changes(visit_settings):
    """
    Before a site's settings are saved: if the plans differ from those saved, today becomes the
    list's “last updated” date. Returns whether they changed.
    """
    saved = (
        InsurancePlan.objects.filter(settings_id=visit_settings.pk)
        if visit_settings.pk
        else InsurancePlan.objects.none()
    )
    if plan_rows(visit_settings.insurance_plans.all()) == plan_rows(saved):
        return False
    visit_settings.insurance_updated_on = timezone.localdate()
    return True


def plan_groups(plans):
    """
    [(heading, [plan names])...] in the reader's language, by kind, in the order admins set:
    each name a Wording, the Spanish one on Spanish pages where admins gave one.
    """
    by_kind = {}
    for plan in plans:
        by_kind.setdefault(plan.kind, []).append(wording_in_reader_language(plan, "name"))
    return [
        (gettext(kind.label), by_kind[kind.value]) for kind in PlanKind if kind.value in by_kind
    ]
