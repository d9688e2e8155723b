from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.widgets.button import ListingButton

from users.two_factor import two_factor_setup
from users.views import has_two_factor, is_locked_out, reset_two_factor, unlock_sign_in


@hooks.register("register_admin_urls")
def register_sign_in_urls():
    return [
        path("users/<int:user_id>/unlock-sign-in/", unlock_sign_in, name="unlock_sign_in"),
        path("users/<int:user_id>/reset-two-factor/", reset_two_factor, name="reset_two_factor"),
        path("account/two-factor/", two_factor_setup, name="two_factor_setup"),
    ]


@hooks.register("register_user_listing_buttons")
def sign_in_buttons(user, request_user):
    if not request_user.has_perm("users.change_user"):
        return
    if is_locked_out(user):
        yield ListingButton("Unlock sign-in", reverse("unlock_sign_in", args=[user.pk]), priority=5)
    if has_two_factor(user):
        yield ListingButton(
            "Reset two-factor sign-in", reverse("reset_two_factor", args=[user.pk]), priority=6
        )


@hooks.register("register_account_menu_item")
def two_factor_menu_item(request):
    return {
        "url": reverse("two_factor_setup"),
        "label": "Two-factor sign-in",
        "help_text": "Sign in with a code from an authenticator app as well as your password.",
    }
