"""
The safety parts of a clinical page: what patients must read before they act on it (its risks,
how to prepare, when to call 911 and when to call the clinic). A draft may leave them empty; the
page cannot be submitted for medical review or published without them, and the editor is told,
in plain words, which part is missing.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import strip_tags

from clinic.models.fields import LinesField
from clinic.models.mixins import lines
from clinic.pages.page_pickers import PagePickersForm


def one_per_line(verbose_name, help_text):
    """A required list the editor writes one item per line, shown to patients as a bulleted list."""
    return LinesField(verbose_name, default="", help_text=f"{help_text} One per line.")


class SafetyPartsForm(PagePickersForm):
    """
    The editor's form of a page with `safety_parts`: saving a draft without them works; sending
    the page for review, publishing or scheduling it names each missing part at the top.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, part in self._meta.model.safety_parts:
            if name in self.fields:
                self.fields[name].error_messages["required"] = (
                    f"Patients must be able to read “{part}” before this page goes to medical "
                    "review or goes live. Write it here."
                )

    def clean(self):
        cleaned_data = super().clean()
        if getattr(self, "is_deferred_validation", False):
            return cleaned_data  # a draft: the parts may come later
        missing = [
            part
            for name, part in self._meta.model.safety_parts
            if name in self.fields and not strip_tags(cleaned_data.get(name) or "").strip()
        ]
        if missing:
            raise ValidationError(
                "This page cannot go to medical review or go live until it has: %(parts)s. "
                "You can save it as a draft meanwhile.",
                code="safety_parts_missing",
                params={"parts": "; ".join(missing)},
            )
        return cleaned_data


class CallNineOneOneMixin(models.Model):
    """The emergency tier of “when to get help”: the signs that mean calling 911 now."""

    call_911_if = one_per_line(
        "call 911 if",
        "The signs that are an emergency, e.g. “You cannot control your bladder or bowels”. "
        "Shown first, marked as an emergency, on every page of this kind.",
    )

    class Meta:
        abstract = True

    @property
    def call_911_list(self):
        return lines(self.call_911_if)
