"""The whole editorial story, as each person does it in the admin."""

import datetime

import pytest
from dateutil.relativedelta import relativedelta
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, TaskState, WorkflowState

from tests.review.admin_steps import (
    current_task_state,
    edit,
    live_html,
    messages_of,
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

    # The writer sees the comment in the page's workflow history, edits and resubmits.
    client.force_login(writer)
    history = client.get(f"/admin/pages/{treatment.pk}/workflow_history/")
    assert history.status_code == 200
    detail = client.get(
        f"/admin/pages/{treatment.pk}/workflow_history/detail/{first_task.workflow_state.pk}/"
    )
    assert "Say how long each session lasts." in detail.content.decode()
    submit(
        client,
        treatment,
        what_it_is="<p>Plasma exchange filters the blood. Each session takes a few hours.</p>",
    )
    second_task = current_task_state(treatment)
    assert second_task.pk != first_task.pk

    # The reviewer approves; the reviewed text goes live with the review line.
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

    treatment.refresh_from_db()
    assert treatment.last_reviewed_by == reviewer
    assert treatment.last_review_date == today
    assert treatment.live_revision == second_task.revision
    # The record is in the published revision too, so later drafts and publications keep it.
    assert treatment.live_revision.content["last_reviewed_by"] == reviewer.pk


def test_rejection_from_the_editor_without_a_comment_is_refused_with_a_reason(
    client, writer, reviewer, treatment
):
    client.force_login(writer)
    submit(client, treatment, what_it_is="<p>New text.</p>")
    client.force_login(reviewer)
    # The editor's menu posts the action with its modal data; here none.
    response = workflow_action_from_editor(client, treatment, "reject")
    assert response.status_code == 302
    assert any("say what needs to change" in m for m in messages_of(response))
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


def test_reviewer_cannot_approve_their_own_edit(client, reviewer, second_reviewer, treatment):
    client.force_login(reviewer)
    submit(client, treatment, what_it_is="<p>Reviewer's own change.</p>")

    response = workflow_action(client, treatment, "approve")
    assert response.status_code == 302
    assert any("You cannot approve 'Plasma exchange'" in m for m in messages_of(response))
    assert current_task_state(treatment).status == TaskState.STATUS_IN_PROGRESS
    assert "Reviewer's own change." not in live_html(treatment)

    # Another reviewer can.
    client.force_login(second_reviewer)
    workflow_action(client, treatment, "approve")
    assert "Reviewer's own change." in live_html(treatment)


def test_reviewer_who_also_writes_cannot_approve_their_own_edit(
    client, writer, writing_reviewer, treatment
):
    # The writer drafts, the writing reviewer changes a word and the writer submits it.
    client.force_login(writer)
    edit(client, treatment, what_it_is="<p>Draft by the writer.</p>")
    client.force_login(writing_reviewer)
    edit(client, treatment, what_it_is="<p>Draft by the writer, tidied.</p>")
    client.force_login(writer)
    submit(client, treatment)

    client.force_login(writing_reviewer)
    for response in (
        workflow_action(client, treatment, "approve", xhr=True),
        workflow_action_from_editor(client, treatment, "approve"),
    ):
        assert "four-eyes rule" in " ".join(messages_of(response))
        assert current_task_state(treatment).status == TaskState.STATUS_IN_PROGRESS
        assert "tidied" not in live_html(treatment)


def test_an_edit_after_submission_is_not_published_by_the_earlier_approval(
    client, writer, reviewer, second_reviewer, treatment
):
    client.force_login(writer)
    submit(client, treatment, what_it_is="<p>Reviewed version.</p>")
    reviewed_task = current_task_state(treatment)

    # While the review is open, a second reviewer changes the page.
    client.force_login(second_reviewer)
    edit(client, treatment, what_it_is="<p>Unreviewed later version.</p>")

    # The first reviewer approves what they were shown: nothing goes live, the review restarts.
    client.force_login(reviewer)
    workflow_action(client, treatment, "approve")
    reviewed_task.refresh_from_db()
    assert reviewed_task.status == TaskState.STATUS_APPROVED
    html = live_html(treatment)
    assert "Unreviewed later version." not in html
    assert "Original text." in html
    restarted = current_task_state(treatment)
    treatment.refresh_from_db()
    assert restarted.revision == treatment.get_latest_revision()
    assert "Unreviewed later version." in restarted.revision.content["what_it_is"]

    # Approving the new revision publishes exactly it.
    workflow_action(client, treatment, "approve")
    treatment.refresh_from_db()
    assert treatment.live_revision_id == restarted.revision_id
    assert "Unreviewed later version." in live_html(treatment)


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


def test_comment_only_saves_do_not_stop_a_reviewer_approving(client, writer, reviewer, treatment):
    client.force_login(writer)
    submit(client, treatment, what_it_is="<p>Written by the writer.</p>")
    client.force_login(reviewer)
    edit(client, treatment)  # saving the editor (as adding a comment does), nothing changed
    # The save made a new revision, so Wagtail asks for the review on it.
    workflow_action(client, treatment, "approve")
    workflow_action(client, treatment, "approve")
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


def test_page_never_reviewed_shows_no_review_line(treatment):
    assert "Medically reviewed" not in live_html(treatment)
    assert "Next review due" not in live_html(treatment)


def test_emails_go_to_reviewers_on_submission_and_to_the_writer_on_each_decision(
    client, writer, reviewer, second_reviewer, treatment
):
    client.force_login(writer)
    submit(client, treatment, what_it_is="<p>New text.</p>")
    recipients = {address for message in mail.outbox for address in message.to}
    assert recipients == {reviewer.email, second_reviewer.email}
    assert all("Plasma exchange" in message.subject for message in mail.outbox)

    mail.outbox.clear()
    client.force_login(reviewer)
    workflow_action(client, treatment, "reject", comment="Cite the session length.")
    assert [message.to for message in mail.outbox] == [[writer.email]]
    assert "Cite the session length." in mail.outbox[0].body

    mail.outbox.clear()
    client.force_login(writer)
    submit(client, treatment, what_it_is="<p>Newer text.</p>")
    client.force_login(reviewer)
    mail.outbox.clear()
    workflow_action(client, treatment, "approve")
    assert [message.to for message in mail.outbox] == [[writer.email]]
    assert "approved" in mail.outbox[0].subject.lower()


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
        ("wagtail.workflow.approve", "riley"),
        ("wagtail.publish", "riley"),
        ("wagtail.unpublish", "ada"),
        ("wagtail.delete", "ada"),
    ]:
        assert step in steps, step
    assert all(
        entry.timestamp > timezone.now() - datetime.timedelta(minutes=5) for entry in entries
    )
