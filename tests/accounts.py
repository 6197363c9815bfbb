"""
Staff accounts as the tests need them: a user in one of the site's roles, signed in past the
second step, and the code their authenticator app shows.
"""

import time

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group


def make_user(username, group):
    """A user in one of the site's roles (a Wagtail group), with a known password."""
    user = get_user_model().objects.create_user(
        username=username, password="a-long-password", email=f"{username}@clinic.invalid"
    )
    user.groups.add(Group.objects.get(name=group))
    return user


def sign_in(client, user):
    """
    Sign `client` in as `user` the way staff end up after signing in: password and the code
    from their authenticator app (a confirmed device, verified in this session). The steps
    themselves are tested in tests/second_factor/.
    """
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def app_code(user, steps_ahead=0):
    """The 6 digits the member of staff's authenticator app shows (or will show next)."""
    device = TOTPDevice.objects.filter(user=user).latest("pk")
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():06d}"
