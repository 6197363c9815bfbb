from django import forms
from django.db import models

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from .procedure import ProcedurePage


class ProcedureNextStep(Orderable):
    """
    A procedure that may follow this one, in the editor's own words. Never inferred from
    another page's prerequisites: a test block before an operation does not mean that a good
    result leads to that operation.
    """

    page = ParentalKey(ProcedurePage, on_delete=models.CASCADE, related_name="next_steps")
    procedure = models.ForeignKey(
        ProcedurePage,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="next procedure",
    )
    explanation = models.TextField(
        "when and why",
        max_length=300,
        help_text=(
            "One or two plain sentences on when a patient may have it, e.g. “If the numbing "
            "medicine relieves your pain for a short time only, your physician may talk with "
            "you about …”. Make no promise of a result."
        ),
    )

    panels = [FieldPanel("procedure", widget=forms.Select), FieldPanel("explanation")]

    def __str__(self):
        return self.procedure.title
