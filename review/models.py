"""The medical review: the one task of the "Medical review" workflow, and the approvals it records.

The rules live in MedicalReviewTask, where Wagtail asks for them on every path (the workflow
action screen, the page editor's action menu, the dashboard): who may approve or send back
(get_actions), and what an approval must be (reason_to_refuse): the version the reviewer was shown,
signed with their password, by someone who did not write or change it.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import formats, timezone
from wagtail.admin.utils import get_user_display_name
from wagtail.log_actions import log
from wagtail.models import GroupApprovalTask, Page, Revision, TaskState

from review.content import reads_differently
from review.forms import ApprovalForm, SendBackForm

APPROVE, SEND_BACK = "approve", "reject"
# A change note is one short sentence: "Updated the kidney warning".
CHANGE_NOTE_LENGTH = 200
DONE = {APPROVE: "approved", SEND_BACK: "sent back"}


class ReviewRefused(PermissionDenied):
    """A workflow action the medical review refuses; the message tells the person why.

    The portal's workflow views (review.page_views) show it where the person acted. Anything else
    that calls the task gets Django's plain 403, never a half-done action: the task's actions
    run in a transaction.
    """


def local_time(moment) -> str:
    """A moment as people read it, to the second: "November 29, 2026, 10:32:14 a.m."."""
    return formats.date_format(timezone.localtime(moment), "F j, Y, g:i:s a")


def saved_by(revision: Revision) -> str:
    """Who saved a revision and when: "Wendy Writer at November 29, 2026, 10:32:14 a.m."."""
    author = get_user_display_name(revision.user) if revision.user else "an import (no person)"
    return f"{author} at {local_time(revision.created_at)}"


def changed_since_last_approval(page, user) -> bool:
    """Whether `user` wrote or changed what patients read in any revision of `page` made since
    the last revision a medical reviewer approved (or ever, if none was).

    A revision that changes nothing patients read (a comment, a setting, an autosave of the same
    text) is not a change: reviewers comment as they review.
    """
    # A page, or a snippet in the same workflow (a source): its approvals are those of its
    # revisions.
    last_approved = (
        Approval.objects.filter(revision__in=page.revisions.values("pk"))
        .order_by("-revision_id")
        .values_list("revision_id", flat=True)
        .first()
    )
    revisions = page.revisions.select_related("content_type").order_by("pk")
    if last_approved:
        revisions = revisions.filter(pk__gte=last_approved)
    previous = None
    for revision in revisions:
        changed = revision.user_id == user.pk and reads_differently(revision, previous)
        if changed and revision.pk != last_approved:
            return True
        previous = revision
    return False


def admin_title(obj) -> str:
    """A page's title as the admin shows it (its draft title); a snippet's name."""
    return obj.get_admin_display_title() if hasattr(obj, "get_admin_display_title") else str(obj)


def _approved_page_id(revision: Revision) -> int | None:
    """The page a revision is of, or None for a snippet reviewed in the workflow (a source)."""
    return int(revision.object_id) if isinstance(revision.content_object, Page) else None


class MedicalReviewTask(GroupApprovalTask):
    """Approval by a medical reviewer who did not write the change (four eyes).

    Only members of the task's groups (the medical reviewers) decide. Sending a page back needs
    a comment for the writer. Approving signs and publishes exactly the version under review;
    a version that changes what patients read restarts the review (follow_edit), anything else
    (autosaves of the same text, comments, settings) leaves it alone.
    """

    def get_actions(self, obj, user):
        if not self._user_in_groups(user):
            return []
        actions = [(SEND_BACK, "Send back for changes", True)]
        if not changed_since_last_approval(obj, user):
            actions.insert(0, (APPROVE, "Approve and publish", True))
        return actions

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if self._user_in_groups(user):
            return self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        return TaskState.objects.none()

    def get_form_for_action(self, action):
        return {APPROVE: ApprovalForm, SEND_BACK: SendBackForm}.get(
            action
        ) or super().get_form_for_action(action)

    def get_template_for_action(self, action):
        return "review/workflow_action_modal.html"

    def reason_to_refuse(self, task_state, user, action_name, **data) -> str | None:
        """Why `user` may not take the action now with `data`, or None if they may."""
        page = task_state.revision.content_object  # or a snippet in the workflow (a source)
        title = admin_title(page)
        if task_state.status != TaskState.STATUS_IN_PROGRESS:
            return review_closed(task_state, action_name, title)
        if action_name not in {name for name, _, _ in self.get_actions(page, user)}:
            if not self._user_in_groups(user):
                return (
                    f"You cannot approve or send back “{title}”: only medical reviewers decide "
                    "in the medical review."
                )
            if action_name == APPROVE:
                return (
                    f"“{title}” was not approved: you wrote or changed what patients read in "
                    "it since its last medical review. Another medical reviewer must approve "
                    "it (four-eyes rule)."
                )
            return f"The medical review of “{title}” has no action called “{action_name}”."
        if action_name == SEND_BACK and not str(data.get("comment") or "").strip():
            return (
                f"“{title}” was not sent back: say what needs to change in a comment, so the "
                "writer knows what to do."
            )
        if action_name == APPROVE:
            reviewed = task_state.revision
            shown = (str(data.get("revision")), str(data.get("revision_saved_at")))
            if shown != (str(reviewed.pk), reviewed.created_at.isoformat()):
                return (
                    f"“{title}” was not approved: the version under review was saved again by "
                    f"{saved_by(reviewed)}, after you opened it. Nothing was published and the "
                    "review is still open: look at the version now under review, then decide."
                )
            # A page's statements are checked against the sources they cite (a source is
            # itself the evidence).
            if isinstance(page, Page) and not data.get("sources_checked"):
                return (
                    f"“{title}” was not approved: confirm that you checked its statements "
                    "against the sources they cite."
                )
            # Signed with the password the reviewer signs in with (they are signed in, so the
            # site's sign-in rules, demo passwords refused in production, already let them in).
            if not user.check_password(data.get("password") or ""):
                return (
                    f"“{title}” was not approved: that is not your password. Approving is your "
                    "signature: type the password you sign in with."
                )
        return None

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **data):
        if reason := self.reason_to_refuse(task_state, user, action_name, **data):
            raise ReviewRefused(reason)
        if action_name == APPROVE:
            approval = Approval.objects.create(
                page_id=_approved_page_id(task_state.revision),
                revision=task_state.revision,
                reviewer=user,
                reviewer_name=user.get_full_name().strip(),
                signed_with=Approval.Signature.PASSWORD,
                change_note=change_note_of(task_state.workflow_state),
            )
            log(
                instance=task_state.revision.content_object,
                action="review.approval_signed",
                user=user,
                revision=task_state.revision,
                data={"signed_with": approval.get_signed_with_display()},
            )
        # Approving finishes the workflow, which publishes the approved revision
        # (review.workflow.publish_approved_revision).
        return super().on_action(task_state, user, action_name, comment=data.get("comment") or "")

    def follow_edit(self, task_state, revision):
        """Restart the review on `revision` if it changes what patients read.

        Called whenever a page in review gets a new latest revision. The reviewers are told
        (Wagtail emails them as for a submission), and the version they were looking at can no
        longer be approved.
        """
        if revision.pk == task_state.revision_id or not reads_differently(
            revision, task_state.revision
        ):
            return
        task_state.cancel(
            user=revision.user,
            resume=True,
            comment="What patients read changed; the review restarted on the new version.",
        )
        log(
            instance=revision.content_object.specific,
            action="review.restarted",
            user=revision.user,
            revision=revision,
        )

    @classmethod
    def get_description(cls):
        return (
            "Members of the chosen groups approve and publish, or send back, a page; nobody "
            "approves what they wrote or changed, approving is signed with a password after "
            "checking the cited sources, and sending back needs a comment."
        )

    class Meta:
        verbose_name = "medical review task"
        verbose_name_plural = "medical review tasks"


def review_closed(task_state, action_name, title) -> str:
    """Why a task state that is no longer in progress cannot be approved or sent back."""
    refused = f"“{title}” was not {DONE[action_name]}"
    current = task_state.workflow_state.current_task_state
    if current and current.pk != task_state.pk and current.status == TaskState.STATUS_IN_PROGRESS:
        return (
            f"{refused}: what patients read changed after the version you were shown (saved "
            f"by {saved_by(current.revision)}). Nothing was published and the review is still "
            "open on the new version: look at it, then decide."
        )
    decided = {
        TaskState.STATUS_APPROVED: "approved and published",
        TaskState.STATUS_REJECTED: "sent back for changes",
    }.get(task_state.status)
    if decided:
        decider = (
            get_user_display_name(task_state.finished_by) if task_state.finished_by else "someone"
        )
        return f"{refused}: {decider} already {decided} it."
    return f"{refused}: its medical review has ended."


class Approval(models.Model):
    """A medical reviewer's signed approval of one revision of a page (or of a source, a
    snippet reviewed in the same workflow).

    The record behind everything that says a page was medically reviewed: the public "Medically
    reviewed by" line, the schema.org review data and the periodic review dates are all read
    from the approval of the page's live revision, never copied into the page.
    """

    class Signature(models.TextChoices):
        PASSWORD = "password", "password re-entered"

    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="medical_approvals",
        help_text="The page approved; empty for a snippet reviewed in the same workflow (a "
        "source), which its revision names.",
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
        max_length=255,
        blank=True,
        help_text="The reviewer's full name as they signed; empty if their account has none.",
    )
    approved_at = models.DateTimeField(default=timezone.now)
    signed_with = models.CharField(max_length=20, choices=Signature.choices)
    change_note = models.CharField(
        max_length=CHANGE_NOTE_LENGTH,
        blank=True,
        help_text="What changed, for patients, as the writer put it when submitting the "
        "version (a page's list of updates shows it once the version is live); empty for a "
        "source.",
    )

    class Meta:
        get_latest_by = "approved_at"
        ordering = ["-approved_at"]

    def __str__(self):
        return f"{self.reviewer_name} approved revision {self.revision_id}"


class ChangeNote(models.Model):
    """What changed, for patients, written by the writer when they submit a page to the
    medical review: one note for the whole submission (a review restarted by a new version, or
    resumed after sending back and resubmitting, keeps the submission and its latest note).

    Approving copies it into the signed Approval; patients read it only once that version is
    live (review.updates).
    """

    workflow_state = models.OneToOneField(
        "wagtailcore.WorkflowState", on_delete=models.CASCADE, related_name="change_note"
    )
    text = models.CharField(max_length=CHANGE_NOTE_LENGTH)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    written_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return self.text


def change_note_of(workflow_state) -> str:
    """The writer's note for patients on a submission, or "" if it has none."""
    return (
        ChangeNote.objects.filter(workflow_state=workflow_state)
        .values_list("text", flat=True)
        .first()
        or ""
    )
