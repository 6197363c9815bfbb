"""
A member of staff's second factor: one authenticator app (TOTP, django-otp) and one set of
recovery codes (django-otp's static tokens), each used once.
"""

import secrets
from base64 import b32encode

import segno
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from django.conf import settings
from django.db import transaction


AUTHENTICATOR_NAME = "Authenticator app"
RECOVERY_NAME = "Recovery codes"
RECOVERY_CODE_COUNT = 10
# No 0/o, 1/l/i: the codes are copied by hand from paper.
RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
RECOVERY_CODE_LENGTH = 10


def is_required_for(user):
    """Superusers and everyone who can read patients' appointment requests."""
    if not settings.SECOND_FACTOR_REQUIRED or not user.is_authenticated:
        return False
    return user.is_superuser or user.has_perm("appointments.view_appointmentrequest")


def authenticator(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def recovery_codes(user):
    return StaticDevice.objects.filter(user=user, confirmed=True).first()


def passkeys(user):
    return WebAuthnCredential.objects.filter(user=user, confirmed=True).order_by("created_at")


def passkey_domain(request):
    """The relying party of the staff's passkeys: the host name they sign in on."""
    host = request.get_host()
    return host if host.startswith("[") else host.rsplit(":", 1)[0]


def has_second_factor(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_authenticator(user):
    """The authenticator being set up: the same key until it is confirmed, so a scan stays good."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)
    return device


def readable_key(device):
    """The secret in the groups of four that authenticator apps ask for when typed by hand."""
    key = b32encode(device.bin_key).decode()
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def qr_code_svg(device):
    return segno.make(device.config_url, error="m").svg_inline(
        scale=4,
        border=2,
        omitsize=True,
        dark="#000",
        light="#fff",
        title="QR code for your authenticator app",
    )


def normalise_recovery_code(text):
    return "".join(text.lower().split()).replace("-", "")


def show_recovery_code(code):
    half = len(code) // 2
    return f"{code[:half]}-{code[half:]}"


@transaction.atomic
def confirm_authenticator(device):
    """Make the set-up device the user's only authenticator; return new recovery codes."""
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return new_recovery_codes(device.user)


@transaction.atomic
def new_recovery_codes(user):
    """Replace the user's recovery codes with fresh ones, returned once for display."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
    codes = [
        "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_CODE_LENGTH))
        for _ in range(RECOVERY_CODE_COUNT)
    ]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return [show_recovery_code(code) for code in codes]


@transaction.atomic
def remove_second_factor(user):
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    WebAuthnCredential.objects.filter(user=user).delete()
