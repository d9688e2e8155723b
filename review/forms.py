from django import forms
from wagtail.forms import TaskStateCommentForm


class SendBackForm(TaskStateCommentForm):
    """Sending a page back to its writer: the comment is what the writer acts on."""

    comment = forms.CharField(
        label="What needs to change",
        widget=forms.Textarea({"rows": 4}),
        error_messages={"required": "Say what needs to change: the writer sees this comment."},
    )


class ApprovalForm(TaskStateCommentForm):
    """Approving and publishing a version: the reviewer signs it with their password.

    The hidden fields name the version the review screen showed and when it was saved, so the
    approval publishes exactly that version or is refused (MedicalReviewTask.on_action checks
    them, and the password, on every path). They hold plain values: the page editor sends this
    form's data back to the server as JSON.
    """

    revision = forms.IntegerField(widget=forms.HiddenInput)
    revision_saved_at = forms.CharField(widget=forms.HiddenInput)
    sources_checked = forms.BooleanField(
        label="I checked each statement against the sources it cites",
        help_text="Open the sources listed in the Sources panel and beside each citation.",
        error_messages={
            "required": "Confirm that you checked the statements against their sources."
        },
    )
    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text="Approving is your signature: type the password you sign in with.",
        error_messages={"required": "Type your password to sign the approval."},
    )
    comment = forms.CharField(
        label="Comment for the writer (optional)",
        required=False,
        widget=forms.Textarea({"rows": 2}),
    )


class SourceApprovalForm(ApprovalForm):
    """Approving a source: the source is itself the evidence, so there is no citation to check."""

    sources_checked = None
