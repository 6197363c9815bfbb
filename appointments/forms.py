"""The appointment request form, and what a link from a page fills in."""

import hashlib
import json
import re
import secrets

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from clinic import inputs
from clinic.pages.translations import default_locale_id, source_of
from locations.models import LocationPage
from physicians.models import PhysicianPage
from procedures.models import ProcedurePage

from .models import AppointmentRequest


PHONE_PATTERN = re.compile(r"^[0-9 +().\-]{7,30}$")


class AppointmentRequestForm(forms.ModelForm):
    """What the clinic needs to call back, and nothing more."""

    phone = forms.CharField(
        label=_("Phone number"),
        required=False,
        max_length=30,
        help_text=_("We will call you on this number."),
        error_messages={"max_length": _("Please check your phone number: it is too long.")},
    )
    email = forms.EmailField(
        label=_("Email address"),
        required=False,
        max_length=254,
        help_text=_("Only if you would rather we wrote to you."),
        error_messages={"invalid": _("Enter an email address like name@example.com.")},
    )
    preferred_days = forms.MultipleChoiceField(
        label=_("Days that suit you"),
        choices=AppointmentRequest.Day.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave all empty if any day suits you."),
    )
    preferred_times = forms.MultipleChoiceField(
        label=_("Times that suit you"),
        choices=AppointmentRequest.Time.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the clinic stores these details to call me back about an appointment."
        ),
        error_messages={
            "required": _("Please tick the box to agree, or call us instead."),
        },
    )
    # A field people never see: only programs that fill in every field fill it in.
    website = forms.CharField(required=False, label=_("Leave this field empty"), max_length=200)
    # The page the patient came from. An unknown or stale value is dropped, never an error.
    about = forms.CharField(required=False, max_length=12, widget=forms.HiddenInput)
    # The procedures compared side by side before asking (page ids); stale values are dropped.
    compared = forms.CharField(required=False, widget=forms.HiddenInput)
    # A one-time token, new each time the form is shown (the page is never cached): the same
    # form sent twice is one request (see submission_key).
    submission_token = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = AppointmentRequest
        fields = AppointmentRequest.patient_fields
        labels = {
            "name": _("Your full name"),
            "patient_type": _("Have you been to the clinic before?"),
            "preferred_location": _("Location you would prefer"),
            "preferred_physician": _("Physician you would prefer"),
            "message": _("Anything the front desk should know (optional)"),
        }
        help_texts = {
            "message": _(
                "For example, the best time to call. Please do not write about your symptoms "
                "or health: we will ask about them on the phone."
            ),
        }
        widgets = {"patient_type": forms.RadioSelect}
        field_classes = {
            "preferred_location": inputs.PageChoiceField,
            "preferred_physician": inputs.PageChoiceField,
        }
        error_messages = {
            "name": {
                "required": _("Enter your name, so we know who to ask for."),
                "max_length": _("Please shorten your name to at most %(limit_value)d letters."),
            },
            "patient_type": {"required": _("Tell us whether you have been to the clinic before.")},
            "message": {
                "max_length": _("Please keep the message to %(limit_value)d letters or fewer."),
            },
        }

    def __init__(self, *args, allow_message=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["patient_type"].choices = AppointmentRequest.PatientType.choices
        self.fields["patient_type"].required = True
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["phone"].widget.input_type = "tel"
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        locations = self.fields["preferred_location"]
        # The English pages, whatever the form's language: the front desk reads them.
        english = default_locale_id()
        locations.queryset = LocationPage.objects.live().filter(locale_id=english).order_by("path")
        locations.empty_label = _("No preference")
        locations.error_messages["invalid_choice"] = _("Choose a location from the list.")
        physicians = self.fields["preferred_physician"]
        physicians.queryset = (
            PhysicianPage.objects.live().filter(locale_id=english).order_by("family_name", "title")
        )
        physicians.empty_label = _("No preference")
        physicians.label_from_instance = lambda physician: physician.display_name
        physicians.error_messages["invalid_choice"] = _("Choose a physician from the list.")
        if not allow_message:
            del self.fields["message"]
        if not self.is_bound:
            self.initial["submission_token"] = secrets.token_urlsafe(24)

    def clean_about(self):
        return appointment_subject(self.cleaned_data["about"])

    def clean_compared(self):
        return compared_procedures(self.cleaned_data["compared"])

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not PHONE_PATTERN.match(phone):
            raise forms.ValidationError(
                _("Enter a phone number using digits, e.g. (312) 555-0147."), code="invalid"
            )
        return phone

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("phone") and not cleaned.get("email") and not self.has_error("phone"):
            self.add_error(
                "phone",
                forms.ValidationError(
                    _("Give us a phone number or an email address, so we can reach you."),
                    code="required",
                ),
            )
        return cleaned

    @property
    def is_bot(self):
        return bool(self.data.get("website"))

    def save(self, commit=True):
        request = super().save(commit=False)
        request.consent_at = timezone.now()
        about = self.cleaned_data.get("about")
        # The front desk reads the English page's title, whatever the patient read.
        request.about_page = source_of(about) if about else None
        compared = self.cleaned_data.get("compared") or []
        request.compared_procedures = "; ".join(source_of(page).title for page in compared)
        if commit:
            request.save()
        return request


TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
NOT_CONTENT = {"csrfmiddlewaretoken"}


def submission_key(data):
    """
    What makes a sent form the same request: its one-time token and everything it says, as a
    digest, or None for a form without a token (a page from before tokens, a script). The same
    form sent again (a double click, "send again" after an error page) has the same key; the
    same token with changed details has another, and is another request.
    """
    token = data.get("submission_token", "")
    if not TOKEN_PATTERN.match(token):
        return None
    content = sorted(
        (name, sorted(values)) for name, values in data.lists() if name not in NOT_CONTENT
    )
    return hashlib.sha256(json.dumps(content).encode()).hexdigest()


def appointment_subject(page_id):
    """The live procedure, condition or physician page with this id, or None."""
    pk = inputs.page_id(page_id)
    if pk is None:
        return None
    page = Page.objects.live().filter(pk=pk).specific().first()
    return page if getattr(page, "appointment_subject", False) else None


MAX_COMPARED = 4


def compared_procedures(value):
    """
    The live procedure pages named by `value` ("12,34": ids, as the comparison's link gives
    them), two to four, in that order; [] for anything else (a stale or edited link).
    """
    parts = str(value or "")[:100].split(",")[: MAX_COMPARED + 1]
    ids = [inputs.page_id(part) for part in parts]
    if not 2 <= len(ids) <= MAX_COMPARED or None in ids or len(set(ids)) != len(ids):
        return []
    found = {page.pk: page for page in ProcedurePage.objects.live().filter(pk__in=ids)}
    return [found[pk] for pk in ids] if len(found) == len(ids) else []


def initial_from_query(query):
    """What a link from a procedure, condition, physician or location page fills in."""
    initial = {}
    if physician_slug := inputs.slug(query.get("physician")):
        physician = (
            PhysicianPage.objects.live()
            .filter(slug=physician_slug, locale_id=default_locale_id())
            .first()
        )
        if physician:
            initial["preferred_physician"] = physician.pk
    if location_slug := inputs.slug(query.get("location")):
        location = (
            LocationPage.objects.live()
            .filter(slug=location_slug, locale_id=default_locale_id())
            .first()
        )
        if location:
            initial["preferred_location"] = location.pk
    compared = compared_procedures(query.get("compare"))
    if compared:
        initial["compared"] = ",".join(str(page.pk) for page in compared)
    page = appointment_subject(query.get("about"))
    if page:
        initial["about"] = page.pk
        if isinstance(page, PhysicianPage):
            initial.setdefault("preferred_physician", source_of(page).pk)
    return initial
