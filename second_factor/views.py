import logging
from urllib.parse import urlencode

from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice

from django.contrib import messages
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from .devices import (
    authenticator,
    confirm_authenticator,
    has_second_factor,
    is_required_for,
    new_recovery_codes,
    passkeys,
    pending_authenticator,
    qr_code_svg,
    readable_key,
    recovery_codes,
    remove_second_factor,
)
from .forms import SetUpForm, VerifyForm


logger = logging.getLogger("second_factor")
FEW_RECOVERY_CODES_LEFT = 3


def next_url(request):
    """Where to go once verified: an admin address on this site, never another site."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate.startswith("/admin/") and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("wagtailadmin_home")


def with_next(name, next_to):
    return f"{reverse(name)}?{urlencode({'next': next_to})}"


@never_cache
def verify(request):
    """The step after the password: a code from the app, or a recovery code."""
    user, next_to = request.user, next_url(request)
    if user.is_verified():
        return redirect(next_to)
    if not has_second_factor(user):
        return redirect(with_next("second_factor_set_up", next_to))
    form = VerifyForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        otp_login(request, form.device)
        logger.info("Second step passed for user %s", user.pk)
        if isinstance(form.device, StaticDevice):
            left = form.device.token_set.count()
            level = messages.WARNING if left <= FEW_RECOVERY_CODES_LEFT else messages.INFO
            messages.add_message(
                request,
                level,
                f"You signed in with a recovery code; {left} of them are left. If your phone "
                "is lost, set up your authenticator app again in Account › Two-step verification.",
            )
        return redirect(next_to)
    if form.is_bound:
        logger.warning("Wrong second-step code for user %s", user.pk)
    context = {"form": form, "next": next_to, "has_passkey": passkeys(user).exists()}
    return TemplateResponse(
        request, "second_factor/verify.html", context, status=400 if form.is_bound else 200
    )


@never_cache
def set_up(request):
    """Scan a QR code (or type the key), then prove it with a code; recovery codes follow."""
    user, next_to = request.user, next_url(request)
    if has_second_factor(user) and not user.is_verified():
        # Replacing the app needs the old one (or a recovery code) first.
        return redirect(with_next("second_factor_verify", next_to))
    device = pending_authenticator(user)
    form = SetUpForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        codes = confirm_authenticator(device)
        otp_login(request, device)
        logger.info("Authenticator app set up for user %s", user.pk)
        return recovery_codes_page(request, codes, next_to, first_time=True)
    context = {
        "form": form,
        "next": next_to,
        "qr_code": qr_code_svg(device),
        "key": readable_key(device),
        "replacing": has_second_factor(user),
        "required": is_required_for(user),
    }
    return TemplateResponse(
        request, "second_factor/set_up.html", context, status=400 if form.is_bound else 200
    )


def recovery_codes_page(request, codes, next_to, first_time=False):
    context = {"codes": codes, "next": next_to, "first_time": first_time}
    return TemplateResponse(request, "second_factor/recovery_codes.html", context)


@never_cache
def make_recovery_codes(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not has_second_factor(request.user):
        return redirect("second_factor_set_up")
    codes = new_recovery_codes(request.user)
    logger.info("New recovery codes for user %s", request.user.pk)
    return recovery_codes_page(request, codes, reverse("second_factor_settings"))


class SettingsView(WagtailAdminTemplateMixin, TemplateView):
    """Account › Two-step verification: what is set up, and the ways to change it."""

    template_name = "second_factor/settings.html"
    page_title = "Two-step verification"
    header_icon = "key"

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_account"), "label": "Account"},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        user = self.request.user
        codes = recovery_codes(user)
        return super().get_context_data(
            app=authenticator(user),
            codes_left=codes.token_set.count() if codes else 0,
            passkeys=passkeys(user),
            required=is_required_for(user),
            **kwargs,
        )

    def post(self, request):
        # Turning it off is for those the clinic does not require it of.
        if is_required_for(request.user):
            messages.error(request, "Your role requires two-step verification; it stays on.")
            return redirect("second_factor_settings")
        remove_second_factor(request.user)
        logger.info("Two-step verification turned off by user %s", request.user.pk)
        messages.success(request, "Two-step verification is off for your account.")
        return redirect("second_factor_settings")


settings_view = never_cache(SettingsView.as_view())


@never_cache
def remove_passkey(request, pk):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    removed, _ = passkeys(request.user).filter(pk=pk).delete()
    if removed:
        logger.info("Passkey removed by user %s", request.user.pk)
        messages.success(request, "The passkey is removed. It no longer signs you in.")
    return redirect("second_factor_settings")
