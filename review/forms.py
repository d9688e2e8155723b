from django import forms
from wagtail.forms import TaskStateCommentForm


class SendBackForm(TaskStateCommentForm):
    """Sending a page back to its writer: the comment is what the writer acts on."""

    comment = forms.CharField(
        label="What needs to change",
        widget=forms.Textarea({"rows": 4}),
        error_messages={"required": "Say what needs to change: the writer sees this comment."},
    )
