"""Two-factor sign-in (TOTP, django-otp): who must use it, and the page that sets it up."""

from base64 import b32encode

import django_otp
import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.safestring import mark_safe
from django_otp.plugins.otp_totp.models import TOTPDevice

from users.forms import TokenForm

PERMISSION = "users.sign_in_with_two_factor"


def must_use_two_factor(user) -> bool:
    return settings.PORTAL_TWO_FACTOR_REQUIRED and user.has_perm(PERMISSION)


class TwoFactorRequiredMiddleware:
    """Those who must use two-factor sign-in reach the admin only with a verified session.

    Runs after django-otp's OTPMiddleware. Anyone else in the admin is sent to the set-up
    page, which adds an authenticator app or asks for its code.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            request.path.startswith(reverse("wagtailadmin_home"))
            and request.path not in self._open_paths()
            and user.is_authenticated
            and not user.is_verified()
            and must_use_two_factor(user)
        ):
            return redirect("two_factor_setup")
        return self.get_response(request)

    @staticmethod
    def _open_paths():
        return {
            reverse(name)
            for name in ("two_factor_setup", "wagtailadmin_login", "wagtailadmin_logout")
        }


def _qr_code_svg(url: str) -> str:
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    return image.to_string(encoding="unicode")


def two_factor_setup(request):
    """Add an authenticator app (scan the code or type the key), or verify with one."""
    user = request.user
    if not user.is_authenticated:
        return redirect("wagtailadmin_login")
    has_device = django_otp.user_has_device(user)
    form = TokenForm(request.POST or None)
    if has_device:
        device = None
    else:
        device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    if form.is_valid():
        token = form.cleaned_data["otp_token"]
        verified = django_otp.match_token(user, token) if has_device else device.verify_token(token)
        if verified:
            if not has_device:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                verified = device
            django_otp.login(request, verified)
            messages.success(request, "Two-factor sign-in is on for your account.")
            return redirect("wagtailadmin_home")
        form.add_error("otp_token", "That code is not right. Enter the current code.")
    context = {"form": form, "has_device": has_device, "required": must_use_two_factor(user)}
    if device is not None:
        context["qr_code"] = mark_safe(_qr_code_svg(device.config_url))  # noqa: S308 (ours)
        context["key"] = b32encode(device.bin_key).decode()
    return TemplateResponse(request, "users/two_factor_setup.html", context)
