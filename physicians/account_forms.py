"""
The "Physician profile" choice on an admin account's form (Settings › Users): which physician
the account belongs to, so that the clinical pages it approves name that physician as their
reviewer. Saving the account saves the link; the profile page is not published.
"""

from django import forms
from django.db import transaction

from clinic.pages.translations import default_locale_id

from .models import PhysicianAccount, PhysicianPage
from .names import account_name, mismatch_warning


class PhysicianProfileField(forms.ModelChoiceField):
    """Physicians by name, A to Z; drafts and other accounts' profiles marked."""

    def __init__(self, *args, account_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.account_id = account_id

    def label_from_instance(self, physician):
        label = physician.display_name
        if not physician.live:
            label += " (draft)"
        link = getattr(physician, "admin_account", None)
        if link is not None and link.account_id != self.account_id:
            label += f" — linked to {account_name(link.account)}"
        return label


class PhysicianProfileChoice:
    """Mixed into a user form (a ModelForm of the user model), before Wagtail's."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        link = getattr(self.instance, "physician_account", None) if self.instance.pk else None
        self.fields["physician_profile"] = PhysicianProfileField(
            queryset=PhysicianPage.objects.filter(locale_id=default_locale_id())
            .select_related("admin_account__account")
            .order_by("title"),
            account_id=self.instance.pk,
            required=False,
            initial=link.physician_id if link else None,
            empty_label="None: not a physician",
            help_text=(
                "Only for a physician's own login. When this account approves a clinical page "
                "as a medical reviewer, patients see this physician named as its reviewer. It "
                "takes effect when you save, without publishing the profile. Drafts are listed "
                "too."
            ),
        )

    def clean_physician_profile(self):
        physician = self.cleaned_data["physician_profile"]
        link = getattr(physician, "admin_account", None)
        if link is not None and link.account_id != self.instance.pk:
            raise forms.ValidationError(
                f"{physician.display_name} is linked to the account "
                f"{account_name(link.account)}. Choose “None” on that account first."
            )
        return physician

    def save(self, commit=True):
        with transaction.atomic():
            account = super().save(commit)
            if commit:
                self.save_physician_profile(account)
        return account

    def save_physician_profile(self, account):
        physician = self.cleaned_data.get("physician_profile")
        PhysicianAccount.objects.filter(account=account).exclude(physician=physician).delete()
        if physician is not None:
            PhysicianAccount.objects.get_or_create(account=account, physician=physician)

    def physician_mismatch(self):
        """After saving: the warning a site admin needs if the profile is someone else's."""
        physician = self.cleaned_data.get("physician_profile")
        return physician and mismatch_warning(physician, self.instance)
