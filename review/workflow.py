"""What happens when the medical review workflow is approved (WAGTAIL_FINISH_WORKFLOW_ACTION)."""

from django.utils import timezone


def publish_reviewed_revision(workflow_state, user=None):
    """Publish the revision the reviewer approved, carrying the review record.

    Wagtail's default publishes the page's latest revision. Here it is the revision of the task
    state just approved; with WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT Wagtail only finishes
    the workflow when that is also the latest one, so nothing unreviewed goes live.

    The reviewer and date are written into the revision itself before publishing: publishing
    restores the page from revision content, and later drafts start from it, so a record kept
    only on the live row would be lost at the next publication.

    Reviewers have no "publish" permission (they may not publish outside the workflow), so the
    approval publishes on their behalf; the audit log records them as the publisher.
    """
    # Imported here: Wagtail loads this function while its own models are being defined.
    from core.models import PortalPage

    revision = workflow_state.current_task_state.revision
    # The reviewed page or snippet (a source, which keeps no review record of its own).
    if isinstance(revision.content_object, PortalPage) and user is not None:
        revision.content["last_reviewed_by"] = user.pk
        revision.content["last_review_date"] = timezone.localdate().isoformat()
        revision.save(update_fields=["content"])
    revision.publish(user=user, skip_permission_checks=True)
