"""What approving the medical review does (WAGTAIL_FINISH_WORKFLOW_ACTION).

Wagtail imports this while its own models are being defined, so it imports no models.
"""


def publish_approved_revision(workflow_state, user=None):
    """Publish exactly the revision the reviewer approved.

    Wagtail's default publishes the page's latest revision, which may be a later save of the
    same text (an autosave). Reviewers have no "publish" permission (they may not publish
    outside the workflow), so the approval publishes on their behalf; the audit log names them.
    """
    workflow_state.current_task_state.revision.publish(user=user, skip_permission_checks=True)
