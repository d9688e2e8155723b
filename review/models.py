"""The one task of the "Medical review" workflow, with the rules Wagtail's group approval lacks."""

import json
import re

from django.conf import settings
from django.db import models
from django.utils import timezone
from wagtail.models import GroupApprovalTask, Revision

from review.forms import SendBackForm

# Parts of a revision's content that change whenever a page is saved or published, even when
# nobody touched what patients read (saving a comment, for instance, makes a new revision).
BOOKKEEPING_KEYS = frozenset(
    {
        "pk",
        "draft_title",
        "latest_revision",
        "latest_revision_created_at",
        "live_revision",
        "has_unpublished_changes",
        "first_published_at",
        "last_published_at",
        "live",
        "expired",
        "numchild",
        "path",
        "url_path",
        "locked",
        "locked_at",
        "locked_by",
        "wagtail_admin_comments",
        "comments",
    }
)


class ReviewRefused(Exception):
    """A workflow action the medical review rules forbid; the message tells the user why.

    Not a PermissionDenied: Wagtail's admin turns those into a generic "no permission"
    redirect, and the user must learn the reason (review.middleware shows it).
    """


# The rich text editor tags paragraphs with generated keys the first time it saves them.
EDITOR_KEYS = re.compile(r' data-block-key=\\"[^"\\]*\\"')


def _what_patients_read(revision: Revision) -> str:
    content = {key: value for key, value in revision.content.items() if key not in BOOKKEEPING_KEYS}
    return EDITOR_KEYS.sub("", json.dumps(content, sort_keys=True))


def edited_since_publication(page, user) -> bool:
    """Whether `user` wrote or changed any revision of `page` made since it was last published.

    A revision that only adds comments does not count: reviewers comment as they review.
    """
    revisions = page.revisions.order_by("created_at", "pk")
    if page.live_revision_id:
        revisions = revisions.filter(pk__gt=page.live_revision_id)
    previous = page.live_revision
    for revision in revisions:
        if revision.user_id == user.pk and (
            previous is None or _what_patients_read(revision) != _what_patients_read(previous)
        ):
            return True
        previous = revision
    return False


class MedicalReviewTask(GroupApprovalTask):
    """Approval by a medical reviewer who did not write the change (four eyes).

    Sending a page back needs a comment for the writer. Approving publishes exactly the
    reviewed revision (see review.workflow.publish_reviewed_revision); with
    WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT an edit made meanwhile restarts the task.
    """

    def get_form_for_action(self, action):
        if action == "reject":
            return SendBackForm
        return super().get_form_for_action(action)

    def on_action(self, task_state, user, action_name, **kwargs):
        # Both the workflow action view and the page editor end here, so the rules hold
        # however the request was made.
        page = task_state.workflow_state.content_object.specific
        if action_name == "reject" and not str(kwargs.get("comment", "")).strip():
            raise ReviewRefused(
                f"'{page.get_admin_display_title()}' was not sent back: say what needs to "
                "change in a comment, so the writer knows what to do."
            )
        if action_name == "approve" and edited_since_publication(page, user):
            raise ReviewRefused(
                f"You cannot approve '{page.get_admin_display_title()}': you wrote or changed "
                "this version. Another medical reviewer must approve it (four-eyes rule)."
            )
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return (
            "Members of the chosen groups approve or send back a page; nobody approves their "
            "own changes, and sending back needs a comment."
        )

    class Meta:
        verbose_name = "medical review task"
        verbose_name_plural = "medical review tasks"


class Approval(models.Model):
    """A medical reviewer's signed approval of one revision of a page.

    The record behind everything that says a page was medically reviewed: the public "Medically
    reviewed by" line, the schema.org review data and the periodic review dates are all read
    from the approval of the page's live revision, never copied into the page.
    """

    class Signature(models.TextChoices):
        PASSWORD = "password", "password re-entered"

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="medical_approvals"
    )
    revision = models.OneToOneField(
        "wagtailcore.Revision",
        on_delete=models.CASCADE,
        related_name="medical_approval",
        help_text="The exact version the reviewer approved; approving publishes it.",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="medical_approvals",
    )
    reviewer_name = models.CharField(
        max_length=255, help_text="The reviewer's name as they signed the approval."
    )
    approved_at = models.DateTimeField(default=timezone.now)
    signed_with = models.CharField(max_length=20, choices=Signature.choices)

    class Meta:
        get_latest_by = "approved_at"
        ordering = ["-approved_at"]

    def __str__(self):
        return f"{self.reviewer_name} approved revision {self.revision_id}"
