"""The whole editorial story, as each person does it in the admin."""

import datetime

import pytest
from dateutil.relativedelta import relativedelta
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, TaskState, WorkflowState

from review.models import Approval
from tests.review.admin_steps import (
    current_task_state,
    edit,
    live_html,
    messages_of,
    new_comment,
    submit,
    workflow_action,
    workflow_action_from_editor,
)

pytestmark = pytest.mark.django_db


def test_writer_submits_reviewer_sends_back_writer_fixes_reviewer_approves(
    client, writer, reviewer, treatment
):
    # The writer rewrites a section and submits it to Medical review.
    client.force_login(writer)
    submit(client, treatment, what_it_is="<p>Plasma exchange filters the blood.</p>")
    first_task = current_task_state(treatment)
    assert "filters the blood" not in live_html(treatment)

    # The reviewer tries to send it back without saying why: refused, nothing changes.
    client.force_login(reviewer)
    response = workflow_action(client, treatment, "reject", comment="   ", xhr=True)
    assert "Say what needs to change" in response.json()["html"]
    first_task.refresh_from_db()
    assert first_task.status == TaskState.STATUS_IN_PROGRESS

    # With a comment, the page goes back to the writer.
    workflow_action(client, treatment, "reject", comment="Say how long each session lasts.")
    first_task.refresh_from_db()
    assert first_task.status == TaskState.STATUS_REJECTED
    assert first_task.comment == "Say how long each session lasts."
    assert first_task.workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES

    # The writer reads the comment in the editor, edits and resubmits.
    client.force_login(writer)
    html = client.get(f"/admin/pages/{treatment.pk}/edit/").content.decode()
    assert "Say how long each session lasts." in html
    submit(
        client,
        treatment,
        what_it_is="<p>Plasma exchange filters the blood. Each session takes a few hours.</p>",
    )
    second_task = current_task_state(treatment)
    assert second_task.pk != first_task.pk

    # The reviewer approves, signing with their password; the reviewed text goes live.
    client.force_login(reviewer)
    workflow_action(client, treatment, "approve")
    second_task.refresh_from_db()
    assert second_task.status == TaskState.STATUS_APPROVED

    html = live_html(treatment)
    assert "Each session takes a few hours." in html
    today = timezone.localdate()
    assert f"Medically reviewed by Riley Reviewer, {today:%B} {today.day}, {today.year}" in html
    due = today + relativedelta(months=12)
    assert f"Next review due {due:%B} {due.day}, {due.year}" in html

    # The record behind that line: who approved exactly which revision, signed how.
    treatment.refresh_from_db()
    assert treatment.live_revision == second_task.revision
    approval = Approval.objects.get(revision=treatment.live_revision)
    assert (approval.reviewer, approval.reviewer_name) == (reviewer, "Riley Reviewer")
    assert approval.signed_with == Approval.Signature.PASSWORD
    assert treatment.last_review_date == today


def test_sending_back_from_the_editor_without_a_comment_is_refused_with_a_reason(
    client, writer, reviewer, treatment
):
    client.force_login(writer)
    submit(client, treatment, what_it_is="<p>New text.</p>")
    client.force_login(reviewer)

    # The review screen opened from the editor keeps the reviewer there until they say why.
    checked = workflow_action_from_editor(client, treatment, "reject", comment="")
    assert checked["step"] == "action"
    assert "Say what needs to change" in checked["html"]

    # A post that skips the screen is refused by the task, with the reason.
    response = edit(
        client,
        treatment,
        action="action-workflow-action",
        **{"workflow-action-name": "reject", "workflow-action-extra-data": "{}"},
    )
    assert response.status_code == 302
    assert any("was not sent back: say what needs to change" in m for m in messages_of(response))
    assert current_task_state(treatment).status == TaskState.STATUS_IN_PROGRESS


def test_writer_cannot_publish_even_by_posting_the_publish_action(client, writer, treatment):
    client.force_login(writer)
    edit(client, treatment, action="action-publish", what_it_is="<p>Unreviewed claim.</p>")

    treatment.refresh_from_db()
    assert treatment.has_unpublished_changes  # kept as a draft...
    assert "Unreviewed claim." not in live_html(treatment)  # ...never published
    assert not PageLogEntry.objects.filter(page=treatment, action="wagtail.publish", user=writer)


@pytest.mark.parametrize("action", ["unpublish", "delete"])
def test_writer_cannot_unpublish_or_delete_a_live_page(
    client, writer, site_admin, treatment, action
):
    url = reverse(f"wagtailadmin_pages:{action}", args=[treatment.pk])
    client.force_login(site_admin)
    assert client.get(url).status_code == 200, "an administrator is asked to confirm"

    client.force_login(writer)
    for response in (client.get(url), client.post(url)):
        assert response.status_code == 302
        assert response.url == reverse("wagtailadmin_home")
        assert "permission" in " ".join(messages_of(response))
    treatment.refresh_from_db()
    assert treatment.live
    assert "Original text." in live_html(treatment)


def test_writers_cannot_change_a_page_while_it_is_under_review(
    client, writer, other_writer, reviewer, treatment
):
    client.force_login(writer)
    submit(client, treatment, what_it_is="<p>Submitted version.</p>")
    treatment.refresh_from_db()
    submitted = treatment.get_latest_revision()

    client.force_login(other_writer)
    edit(client, treatment, what_it_is="<p>Sneaked-in change.</p>")
    treatment.refresh_from_db()
    assert treatment.get_latest_revision() == submitted  # Wagtail locks it for non-reviewers

    client.force_login(reviewer)
    workflow_action(client, treatment, "approve")
    assert "Submitted version." in live_html(treatment)


def test_a_comment_saved_by_the_reviewer_neither_restarts_the_review_nor_stops_approval(
    client, writer, reviewer, treatment
):
    client.force_login(writer)
    submit(client, treatment, what_it_is="<p>Written by the writer.</p>")
    task_state = current_task_state(treatment)
    treatment.refresh_from_db()
    writers_revision = treatment.get_latest_revision()

    client.force_login(reviewer)
    edit(
        client,
        treatment,
        **new_comment("Checked against the source."),
    )
    assert current_task_state(treatment) == task_state  # the same review goes on

    workflow_action(client, treatment, "approve")
    treatment.refresh_from_db()
    assert treatment.live_revision == writers_revision
    assert "Written by the writer." in live_html(treatment)


def test_approving_from_the_editor_without_changes_publishes_the_writers_revision(
    client, writer, reviewer, treatment
):
    # The writer's version leaves "Who it may suit" empty.
    client.force_login(writer)
    submit(client, treatment, what_it_is="<p>Written by the writer.</p>")
    treatment.refresh_from_db()
    writers_revision = treatment.get_latest_revision()
    assert writers_revision.content["who_it_may_suit"] == ""

    # The reviewer opens the editor and approves without touching a field. The editor posts the
    # empty field as an empty paragraph; that is no change, so no revision of theirs is saved.
    client.force_login(reviewer)
    workflow_action_from_editor(client, treatment, "approve")
    treatment.refresh_from_db()
    assert treatment.get_latest_revision() == writers_revision
    assert treatment.live_revision == writers_revision
    assert "Written by the writer." in live_html(treatment)


def test_review_interval_is_set_per_page(client, writer, reviewer, treatment):
    client.force_login(writer)
    submit(client, treatment, custom_review_frequency="6")
    client.force_login(reviewer)
    workflow_action(client, treatment, "approve")
    treatment.refresh_from_db()
    assert treatment.next_review_date == timezone.localdate() + relativedelta(months=6)


def test_page_never_reviewed_says_so(treatment):
    html = live_html(treatment)
    assert "Not yet medically reviewed" in html
    assert "Medically reviewed by" not in html
    assert "Next review due" not in html


def test_every_step_is_in_the_audit_log(client, writer, reviewer, site_admin, treatment):
    client.force_login(writer)
    submit(client, treatment, what_it_is="<p>New text.</p>")
    client.force_login(reviewer)
    workflow_action(client, treatment, "reject", comment="Shorter, please.")
    client.force_login(writer)
    submit(client, treatment, what_it_is="<p>Short.</p>")
    client.force_login(reviewer)
    workflow_action(client, treatment, "approve")
    client.force_login(site_admin)
    page_id = treatment.pk
    for action in ("unpublish", "delete"):
        response = client.post(reverse(f"wagtailadmin_pages:{action}", args=[page_id]))
        assert response.status_code == 302, action
    assert not Page.objects.filter(pk=page_id).exists()

    entries = PageLogEntry.objects.filter(page_id=page_id)
    steps = list(entries.order_by("timestamp", "pk").values_list("action", "user__username"))
    for step in [
        ("wagtail.workflow.start", "wendy"),
        ("wagtail.workflow.reject", "riley"),
        ("wagtail.workflow.resume", "wendy"),
        ("review.approval_signed", "riley"),
        ("wagtail.workflow.approve", "riley"),
        ("wagtail.publish", "riley"),
        ("wagtail.unpublish", "ada"),
        ("wagtail.delete", "ada"),
    ]:
        assert step in steps, step
    assert all(
        entry.timestamp > timezone.now() - datetime.timedelta(minutes=5) for entry in entries
    )
