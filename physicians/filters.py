"""
Find a Physician: the filters patients combine on /physicians/. They live in the query string,
so a filtered list can be shared and bookmarked, and they work without JavaScript.
"""

from urllib.parse import urlencode

from django import forms
from django.db.models import Q

from clinic.models import Language, Specialty
from conditions.models import ConditionPage
from locations.models import LocationPage
from procedures.models import ProcedurePage


NAME_MAX_LENGTH = 80


class PhysicianFilterForm(forms.Form):
    """
    Each field narrows the list; filled fields combine. An unknown value (an old link, a typo in
    the address) makes the form invalid, and the page says which filter it did not understand.
    """

    name = forms.CharField(
        label="Physician's name",
        required=False,
        max_length=NAME_MAX_LENGTH,
        strip=True,
        error_messages={
            "max_length": "Please type a shorter name (at most %(limit_value)d letters)."
        },
    )
    procedure = forms.ModelChoiceField(
        label="Procedure they perform",
        queryset=ProcedurePage.objects.live().order_by("title"),
        to_field_name="slug",
        required=False,
        empty_label="Any procedure",
        error_messages={
            "invalid_choice": "We could not find that procedure. Choose one from the list."
        },
    )
    condition = forms.ModelChoiceField(
        label="Condition they treat",
        queryset=ConditionPage.objects.live().order_by("title"),
        to_field_name="slug",
        required=False,
        empty_label="Any condition",
        error_messages={
            "invalid_choice": "We could not find that condition. Choose one from the list."
        },
    )
    specialty = forms.ModelChoiceField(
        label="Specialty",
        queryset=Specialty.objects.filter(physicians__live=True).distinct().order_by("name"),
        required=False,
        empty_label="Any specialty",
        error_messages={
            "invalid_choice": "We could not find that specialty. Choose one from the list."
        },
    )
    language = forms.ModelChoiceField(
        label="Language spoken",
        queryset=Language.objects.filter(physicians__live=True).distinct().order_by("name"),
        required=False,
        empty_label="Any language",
        error_messages={
            "invalid_choice": "We could not find that language. Choose one from the list."
        },
    )
    location = forms.ModelChoiceField(
        label="Location",
        queryset=LocationPage.objects.live().order_by("path"),
        to_field_name="slug",
        required=False,
        empty_label="Any location",
        error_messages={
            "invalid_choice": "We could not find that location. Choose one from the list."
        },
    )
    accepting = forms.BooleanField(label="Only physicians taking new patients", required=False)

    # Field name -> how it narrows a PhysicianPage queryset. A location filter is one more line.
    lookups = {
        "procedure": "procedures_performed",
        "condition": "conditions_treated",
        "specialty": "specialties",
        "language": "languages",
        "location": "locations",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.fields["location"].queryset.exists():
            del self.fields["location"]  # a clinic with no location pages has nothing to pick

    def filter(self, queryset):
        data = self.cleaned_data
        for field, lookup in self.lookups.items():
            if field in self.fields and data.get(field):
                queryset = queryset.filter(**{lookup: data[field]})
        if data.get("accepting"):
            queryset = queryset.filter(accepting_new_patients=True)
        if data.get("name"):
            for word in data["name"].split():
                queryset = queryset.filter(
                    Q(title__icontains=word) | Q(family_name__icontains=word)
                )
        return queryset.distinct()

    def active_filters(self):
        """(label, value, query string without this filter) for each filter in use."""
        active = []
        for name, field in self.fields.items():
            value = self.cleaned_data.get(name)
            if not value:
                continue
            shown = "Yes" if value is True else str(value)
            others = {key: val for key, val in self.data.items() if key != name and val}
            active.append((field.label, shown, "?" + urlencode(others)))
        return active

    @property
    def is_filtered(self):
        return any(self.data.get(name) for name in self.fields)
