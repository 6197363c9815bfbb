"""
Find a Physician: the filters patients combine on /physicians/. They live in the query string,
so a filtered list can be shared and bookmarked, and they work without JavaScript.
"""

from urllib.parse import urlencode

import django_filters
from django_filters.fields import ModelChoiceField, ModelChoiceIterator

from django import forms
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from clinic.models import Language, Specialty
from clinic.pages.translations import default_locale_id
from conditions.models import ConditionPage
from locations.models import LocationPage
from procedures.models import ProcedurePage


NAME_MAX_LENGTH = 80


class OfferedChoices(ModelChoiceIterator):
    """The list's options from what the filter set already fetched: no second query."""

    def __iter__(self):
        if self.field.offered is None:
            yield from super().__iter__()
            return
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for option in self.field.offered:
            yield self.choice(option)

    def __len__(self):
        if self.field.offered is None:
            return super().__len__()
        return len(self.field.offered) + (self.field.empty_label is not None)


class OfferedChoiceField(ModelChoiceField):
    iterator = OfferedChoices
    offered = None  # a list of options, once the filter set has fetched them


class PickOneFilter(django_filters.ModelChoiceFilter):
    """
    A list to pick one item from: live pages (by slug, so addresses read well) or the items of
    a shared list. The list offers only what a physician in the directory has; any live item
    is still understood (an old link to a procedure nobody performs finds no one, not an
    error), and an unknown value says what was not found.
    """

    def __init__(self, label, model, field_name, empty_label, not_found, order="title"):
        self.options_model, self.order = model, order
        self.is_page = issubclass(model, Page)
        super().__init__(
            label=label,
            queryset=self.understood,
            field_name=field_name,
            to_field_name="slug" if self.is_page else None,
            empty_label=empty_label,
            distinct=True,
            error_messages={"invalid_choice": not_found},
        )

    def understood(self, request):  # called per request: relations exist once models load
        objects = self.options_model.objects
        if self.is_page:
            # The English pages: relations are kept on them (clinic.pages.translations).
            return objects.live().filter(locale_id=default_locale_id()).order_by(self.order)
        return objects.order_by("name")

    def offered(self, physicians):
        """What the physicians in `physicians` have, in one query."""
        return self.understood(None).filter(physicians__in=physicians).distinct()

    field_class = OfferedChoiceField

    def offer(self, options):
        self.field.offered = options


class CheckboxFilter(django_filters.Filter):
    field_class = forms.BooleanField


class PhysicianFilterSet(django_filters.FilterSet):
    """
    Each filter narrows the list; filled filters combine. An unknown value (an old link, a typo
    in the address) makes the form invalid, and the page says which filter it did not understand.
    """

    name = django_filters.CharFilter(
        label=_("Physician's name"),
        method="filter_name",
        max_length=NAME_MAX_LENGTH,
        error_messages={
            "max_length": _("Please type a shorter name (at most %(limit_value)d letters).")
        },
    )
    procedure = PickOneFilter(
        _("Procedure they perform"),
        ProcedurePage,
        "procedures_performed",
        _("Any procedure"),
        _("We could not find that procedure. Choose one from the list."),
    )
    condition = PickOneFilter(
        _("Condition they treat"),
        ConditionPage,
        "conditions_treated",
        _("Any condition"),
        _("We could not find that condition. Choose one from the list."),
    )
    specialty = PickOneFilter(
        _("Specialty"),
        Specialty,
        "specialties",
        _("Any specialty"),
        _("We could not find that specialty. Choose one from the list."),
    )
    language = PickOneFilter(
        _("Language spoken"),
        Language,
        "languages",
        _("Any language"),
        _("We could not find that language. Choose one from the list."),
    )
    location = PickOneFilter(
        _("Location"),
        LocationPage,
        "locations",
        _("Any location"),
        _("We could not find that location. Choose one from the list."),
        order="path",
    )
    accepting = CheckboxFilter(
        label=_("Only physicians taking new patients"), method="filter_accepting"
    )

    def __init__(self, *args, options=None, **kwargs):
        """`options`: what options_for() gave for this queryset, if the caller kept it."""
        super().__init__(*args, **kwargs)
        if options is None:
            options = self.options_for(self.queryset)
        # A filter is shown only when it can narrow the list (or is in use, e.g. from a link):
        # a list only with what some physician has, the checkbox only when some are taking
        # new patients and some are not.
        for name, filter_ in list(self.filters.items()):
            if isinstance(filter_, PickOneFilter):
                offered = list(options[name])  # a copy: a chosen option may be added to it
                if offered or self.data.get(name):
                    filter_.offer(offered)
                else:
                    del self.filters[name]
        accepting = options["accepting"]
        if not self.data.get("accepting") and not (True in accepting and len(accepting) > 1):
            del self.filters["accepting"]

    @classmethod
    def options_for(cls, physicians):
        """Each list's options (what some of `physicians` has) and their "taking new patients"."""
        options = {
            name: list(filter_.offered(physicians))
            for name, filter_ in cls.base_filters.items()
            if isinstance(filter_, PickOneFilter)
        }
        options["accepting"] = set(physicians.values_list("accepting_new_patients", flat=True))
        return options

    def is_valid(self):
        valid = super().is_valid()
        if valid:  # a choice from a link that the list does not offer is shown as chosen
            for name, field in self.form.fields.items():
                chosen = self.form.cleaned_data.get(name)
                offered = getattr(field, "offered", None)
                if chosen and offered is not None and chosen not in offered:
                    offered.append(chosen)
        return valid

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
            shown = gettext("Yes") if value is True else str(value)
            others = {key: val for key, val in self.data.items() if key != name and val}
            active.append((field.label, shown, "?" + urlencode(others)))
        return active

    def filters_in_use(self):
        return [name for name in self.filters if self.data.get(name)]

    @property
    def is_filtered(self):
        return bool(self.filters_in_use())
