import re

from django import forms
from django.core.exceptions import ValidationError
from wagtail.models import Page

from core.models import PortalPage
from feedback.models import COMMENT_MAX_LENGTH

EMAIL_ADDRESS = re.compile(r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)+")
# Seven digits or more, with the spaces, dots, dashes and brackets phone numbers are written
# with: "(555) 123-4567", "+44 20 7946 0958". Masking errs on the safe side.
PHONE_NUMBER = re.compile(r"(?<![\w+(])[+(]{0,2}\d(?:[\s().-]*\d){6,}(?!\w)")


def mask_contact_details(text: str) -> str:
    """``text`` with anything that looks like an email address or phone number masked."""
    text = EMAIL_ADDRESS.sub("[email address removed]", text)
    return PHONE_NUMBER.sub("[phone number removed]", text)


class FeedbackForm(forms.Form):
    """What the "Was this page helpful?" form on every patient page posts."""

    page = forms.ModelChoiceField(
        queryset=Page.objects.none(),  # live patient pages, looked up when the form is made
        error_messages={
            "required": "The form did not say which page it is about.",
            "invalid_choice": "The page this form is about is no longer published.",
        },
    )
    helpful = forms.TypedChoiceField(
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda answer: answer == "yes",
        error_messages={
            "required": "Please choose Yes or No.",
            "invalid_choice": "Please choose Yes or No.",
        },
    )
    comment = forms.CharField(
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        error_messages={"max_length": "Please keep your comment to %(limit_value)d characters."},
    )
    # A field people never see (hidden by the stylesheet and from screen readers) that form-
    # filling programs do fill in.
    leave_empty = forms.CharField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["page"].queryset = Page.objects.live().type(PortalPage)

    def clean_comment(self):
        return mask_contact_details(self.cleaned_data["comment"])

    def clean_leave_empty(self):
        if self.cleaned_data["leave_empty"]:
            raise ValidationError("This form was filled in by a program, so it was not sent.")
        return ""
