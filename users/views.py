from axes.models import AccessAttempt
from axes.utils import reset
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.auth import permission_required


def is_locked_out(user) -> bool:
    """Whether django-axes holds failed sign-ins against this account."""
    return AccessAttempt.objects.filter(username=user.get_username()).exists()


def has_two_factor(user) -> bool:
    return TOTPDevice.objects.filter(user=user).exists()


def _confirm(request, user, title, explanation, done, action):
    """A site administrator's action on another account, confirmed by a button press."""
    if request.method == "POST":
        action(user)
        messages.success(request, done)
        return redirect("wagtailusers_users:index")
    context = {"account": user, "title": title, "explanation": explanation}
    return TemplateResponse(request, "users/confirm_account_action.html", context)


@permission_required("users.change_user")
def unlock_sign_in(request, user_id):
    """Clear the failed sign-ins that locked an account."""
    user = get_object_or_404(get_user_model(), pk=user_id)
    return _confirm(
        request,
        user,
        "Unlock sign-in",
        f"Wrong passwords locked sign-in for {user}. Unlock it only if you know it was "
        "them, for example after a phone call.",
        f"{user} can sign in again.",
        lambda account: reset(username=account.get_username()),
    )


@permission_required("users.change_user")
def reset_two_factor(request, user_id):
    """Remove an account's authenticator app (a lost phone); they set up a new one."""
    user = get_object_or_404(get_user_model(), pk=user_id)
    return _confirm(
        request,
        user,
        "Reset two-factor sign-in",
        f"{user} will sign in with their password and then set up a new authenticator app. "
        "Do this only once you know it is them, for example after a phone call.",
        f"{user} sets up two-factor sign-in again at their next sign-in.",
        lambda account: TOTPDevice.objects.filter(user=account).delete(),
    )
