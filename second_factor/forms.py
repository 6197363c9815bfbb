import re

from django_otp import verify_token

from django import forms
from django.utils import timezone

from .devices import authenticator, normalise_recovery_code, recovery_codes


SIX_DIGITS = re.compile(r"[0-9]{6}")
RECOVERY_CODE = re.compile(r"[a-z0-9]{10}")


def wait_message(device):
    """A sentence saying how long a throttled device waits, or None when it is free."""
    allowed, details = device.verify_is_allowed()
    if allowed:
        return None
    seconds = (details["locked_until"] - timezone.now()).total_seconds()
    wait = f"{max(1, round(seconds))} seconds" if seconds < 90 else f"{round(seconds / 60)} minutes"
    return f"Too many wrong codes. Wait {wait}, then enter the newest code from your app."


class CodeField(forms.CharField):
    def __init__(self, **kwargs):
        super().__init__(
            label="Code",
            max_length=32,
            strip=True,
            error_messages={"required": "Enter the 6-digit code from your authenticator app."},
            widget=forms.TextInput(
                attrs={
                    "autocomplete": "one-time-code",
                    "autocapitalize": "off",
                    "spellcheck": "false",
                    "autofocus": True,
                }
            ),
            **kwargs,
        )


class SetUpForm(forms.Form):
    """Proves that the app scanned the new key: the code it shows now must match."""

    code = CodeField(help_text="The 6-digit code your app shows for this account.")

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device
        self.fields["code"].widget.attrs["inputmode"] = "numeric"

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if not SIX_DIGITS.fullmatch(code):
            raise forms.ValidationError("Enter the 6 digits your app shows, without letters.")
        if message := wait_message(self.device):
            raise forms.ValidationError(message)
        if not self.device.verify_token(code):
            raise forms.ValidationError(
                "That code did not match. Check that your phone's clock is set automatically, "
                "then enter the newest code."
            )
        return code


class VerifyForm(forms.Form):
    """A code from the authenticator app, or one of the recovery codes."""

    code = CodeField(
        help_text="The 6-digit code from your authenticator app, or one of your recovery codes."
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.device = None

    def clean_code(self):
        text = self.cleaned_data["code"]
        digits = "".join(text.split())
        recovery = normalise_recovery_code(text)
        if SIX_DIGITS.fullmatch(digits):
            device, code = authenticator(self.user), digits
        elif RECOVERY_CODE.fullmatch(recovery):
            device, code = recovery_codes(self.user), recovery
        else:
            raise forms.ValidationError(
                "Enter the 6-digit code from your app, or a recovery code like abcde-23456."
            )
        if device is not None and (message := wait_message(device)):
            raise forms.ValidationError(message)
        if device is None or verify_token(self.user, device.persistent_id, code) is None:
            raise forms.ValidationError(
                "That code did not match. Enter the newest code from your app; a recovery "
                "code works once only."
            )
        self.device = device
        return code
