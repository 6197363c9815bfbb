"""
The lists of pages an editor picks from in a page's editor (the procedures a physician performs,
the procedures that come first, the conditions a procedure treats, a featured procedure…): live
pages in the site's default language, A to Z, never the page being edited. Spanish pages follow
their English page, drafts are not shown to patients, and a page cannot lead to itself.

A page already chosen that no longer fits (unpublished since, a translation, the page itself)
stays in the list, ticked, with a note saying why: saving the page never drops a relation that
nobody saw.

Every list of pages shown as options (checkboxes or a drop-down) is narrowed; Wagtail's page
chooser (a pop-up over the whole page tree) is left alone, for links that may go anywhere.
"""

from functools import partial

from django import forms
from django.db.models import Model, Q
from django.db.models.functions import Lower
from django.forms.models import ModelChoiceIterator

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Locale, Page


def chosen_pks(value):
    """The pks of what a field holds: a pk (a link), pages (a list), or nothing."""
    items = [value] if isinstance(value, (int, str, Model)) else value or []
    return [getattr(item, "pk", item) for item in items if item not in (None, "")]


def option_label(page, editing, default_locale):
    """A page's name in the list, with why it is there if it no longer fits."""
    notes = []
    if editing.pk is not None and page.pk == editing.pk:
        notes.append("this page")
    if page.locale_id != default_locale.pk:
        notes.append(f"a {page.locale.language_name} page")
    if not page.live:
        notes.append("not live: patients do not see it")
    return f"{page.title} ({'; '.join(notes)})" if notes else page.title


class LabelOnlyOptions(ModelChoiceIterator):
    """
    A list's options load only what their labels read, not each page's every field and body: a
    list is built for each row of an inline panel, and a procedure's editor holds several lists
    of every procedure. What is chosen is still cleaned to the whole page.
    """

    def __init__(self, field):
        super().__init__(field)
        self.queryset = self.queryset.only("title", "live", "locale__language_code")


def narrow_page_pickers(form, editing, chosen):
    """
    Limit each list of pages in `form` to the pages that fit, and to those `chosen(name)` (the
    pks the page holds in that field now) names.
    """
    default_locale = None
    for name, field in form.fields.items():
        if not isinstance(field, forms.ModelChoiceField):
            continue
        if not isinstance(field.widget, forms.widgets.ChoiceWidget):
            continue  # a chooser pop-up, not a list of options
        if not issubclass(field.queryset.model, Page):
            continue
        if default_locale is None:
            default_locale = Locale.get_default()
        fits = Q(live=True, locale=default_locale)
        if editing.pk is not None:
            fits &= ~Q(pk=editing.pk)
        kept = Q(pk__in=chosen(name))
        field.iterator = LabelOnlyOptions  # before the queryset: that sets the widget's options
        field.queryset = (
            field.queryset.filter(fits | kept)
            .select_related("locale")
            .order_by(Lower("title"), "pk")
        )
        field.label_from_instance = partial(
            option_label, editing=editing, default_locale=default_locale
        )


def picking_for(formset, editing):
    """
    The form class of `formset`'s rows (an inline panel's, e.g. the next steps) with its lists
    of pages narrowed for the page being edited. The formset builds its rows, and the empty row
    new ones are copied from, later: the narrowing goes into the class they are built from.
    A row saved only in a draft has no id to find it by when the form comes back, so each row
    keeps what any row of the page holds.
    """
    form_class = formset.form

    def held(name):
        return chosen_pks([row.serializable_value(name) for row in formset.get_queryset()])

    def __init__(self, *args, **kwargs):
        form_class.__init__(self, *args, **kwargs)
        narrow_page_pickers(self, editing, held)

    return type(form_class)(form_class.__name__, (form_class,), {"__init__": __init__})


class PagePickersForm(WagtailAdminPageForm):
    """The editor's form of every page of the site (clinic.models.BasePage): see the module."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        narrow_page_pickers(self, self.instance, lambda name: chosen_pks(self.initial.get(name)))
        for formset in self.formsets.values():
            formset.form = picking_for(formset, self.instance)
