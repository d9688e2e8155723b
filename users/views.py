from axes.models import AccessAttempt
from axes.utils import reset
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from wagtail.admin.auth import permission_required


def is_locked_out(user) -> bool:
    """Whether django-axes holds failed sign-ins against this account."""
    return AccessAttempt.objects.filter(username=user.get_username()).exists()


@permission_required("users.change_user")
def unlock_sign_in(request, user_id):
    """A site administrator clears the failed sign-ins that locked an account."""
    user = get_object_or_404(get_user_model(), pk=user_id)
    if request.method == "POST":
        reset(username=user.get_username())
        messages.success(request, f"{user.get_full_name() or user} can sign in again.")
        return redirect("wagtailusers_users:index")
    return TemplateResponse(request, "users/unlock_sign_in.html", {"locked_user": user})
