import django_otp
from django import forms
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    """Wagtail's sign-in form, asking also for the code of a user's authenticator app.

    Someone who set up two-factor sign-in must give a current code with their password;
    django-otp then marks the session verified (WAGTAILADMIN_USER_LOGIN_FORM).
    """

    otp_token = forms.CharField(
        label="Code from your authenticator app",
        help_text="Only if you have set up two-factor sign-in.",
        required=False,
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean(self):
        cleaned_data = super().clean()
        user = self.get_user()
        if user is not None and django_otp.user_has_device(user):
            token = cleaned_data.get("otp_token")
            # An empty code is not a guess: it does not count towards django-otp's throttle.
            device = django_otp.match_token(user, token) if token else None
            if device is None:
                raise forms.ValidationError(
                    "Enter the current code from your authenticator app.", code="invalid_token"
                )
            user.otp_device = device  # django-otp verifies the session once signed in
        return cleaned_data


class TokenForm(forms.Form):
    otp_token = forms.CharField(
        label="Code from your authenticator app",
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
