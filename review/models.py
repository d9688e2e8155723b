"""The one task of the "Medical review" workflow, with the rules Wagtail's group approval lacks."""

import json
import re

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
    """Whether `user` wrote or changed any revision of `page` (or a snippet under review) made
    since it was last published.

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


def _admin_title(obj) -> str:
    """A page's title as the admin shows it (its draft title); a snippet's name."""
    return obj.get_admin_display_title() if hasattr(obj, "get_admin_display_title") else str(obj)


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
        # A page, or a snippet in the same workflow (a source).
        reviewed = task_state.revision.content_object
        title = _admin_title(reviewed)
        if action_name == "reject" and not str(kwargs.get("comment", "")).strip():
            raise ReviewRefused(
                f"'{title}' was not sent back: say what needs to change in a comment, so the "
                "writer knows what to do."
            )
        if action_name == "approve" and edited_since_publication(reviewed, user):
            raise ReviewRefused(
                f"You cannot approve '{title}': you wrote or changed this version. Another "
                "medical reviewer must approve it (four-eyes rule)."
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
