"""
Find a Physician: the filters patients combine on /physicians/. They live in the query string,
so a filtered list can be shared and bookmarked, and they work without JavaScript.
"""

from urllib.parse import urlencode

import django_filters

from django import forms
from django.db.models import Q

from wagtail.models import Page

from clinic.models import Language, Specialty
from conditions.models import ConditionPage
from locations.models import LocationPage
from procedures.models import ProcedurePage


NAME_MAX_LENGTH = 80


def choose_one(label, model, field_name, noun, order="title"):
    """
    A list to pick one item from: live pages (by slug, so addresses read well), or the items
    of a shared list that a live physician has. An unknown value says what was not found.
    """
    is_page = issubclass(model, Page)

    def queryset(request):  # built per request: a list's relations exist only once models load
        if is_page:
            return model.objects.live().order_by(order)
        return model.objects.filter(physicians__live=True).distinct().order_by("name")

    return django_filters.ModelChoiceFilter(
        label=label,
        queryset=queryset,
        field_name=field_name,
        to_field_name="slug" if is_page else None,
        empty_label=f"Any {noun}",
        distinct=True,
        error_messages={
            "invalid_choice": f"We could not find that {noun}. Choose one from the list."
        },
    )


class CheckboxFilter(django_filters.Filter):
    field_class = forms.BooleanField


class PhysicianFilterSet(django_filters.FilterSet):
    """
    Each filter narrows the list; filled filters combine. An unknown value (an old link, a typo
    in the address) makes the form invalid, and the page says which filter it did not understand.
    """

    name = django_filters.CharFilter(
        label="Physician's name",
        method="filter_name",
        max_length=NAME_MAX_LENGTH,
        error_messages={
            "max_length": "Please type a shorter name (at most %(limit_value)d letters)."
        },
    )
    procedure = choose_one(
        "Procedure they perform", ProcedurePage, "procedures_performed", "procedure"
    )
    condition = choose_one("Condition they treat", ConditionPage, "conditions_treated", "condition")
    specialty = choose_one("Specialty", Specialty, "specialties", "specialty")
    language = choose_one("Language spoken", Language, "languages", "language")
    location = choose_one("Location", LocationPage, "locations", "location", order="path")
    accepting = CheckboxFilter(
        label="Only physicians taking new patients", method="filter_accepting"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not LocationPage.objects.live().exists():
            del self.filters["location"]  # a clinic with no location pages has nothing to pick

    def filter_name(self, queryset, name, value):
        for word in value.split():
            queryset = queryset.filter(Q(title__icontains=word) | Q(family_name__icontains=word))
        return queryset

    def filter_accepting(self, queryset, name, value):
        return queryset.filter(accepting_new_patients=True) if value else queryset

    def active_filters(self):
        """(label, value, query string without this filter) for each filter in use."""
        active = []
        for name, field in self.form.fields.items():
            value = self.form.cleaned_data.get(name)
            if not value:
                continue
            shown = "Yes" if value is True else str(value)
            others = {key: val for key, val in self.data.items() if key != name and val}
            active.append((field.label, shown, "?" + urlencode(others)))
        return active

    @property
    def is_filtered(self):
        return any(self.data.get(name) for name in self.filters)
