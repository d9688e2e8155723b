"""Approval publishes exactly the version the reviewer was shown and signed, or says why not
and leaves the review open. Saves that change nothing patients read never restart a review."""

import re

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.utils import timezone
from wagtail.models import PageLogEntry, TaskState

from review.models import Approval
from tests.review.admin_steps import (
    current_task_state,
    edit,
    live_html,
    messages_of,
    open_review_screen,
    submit,
    workflow_action,
    workflow_action_url,
)

pytestmark = pytest.mark.django_db


def screen_text(screen) -> str:
    return " ".join(BeautifulSoup(screen["html"], "html.parser").get_text().split())


@pytest.fixture
def submitted(client, writer, reviewer, treatment):
    """The writer submitted new text; the reviewer is signed in. Returns the submitted revision."""
    client.force_login(writer)
    submit(client, treatment, what_it_is="<p>The submitted text.</p>")
    client.force_login(reviewer)
    return current_task_state(treatment).revision


def test_the_review_screen_shows_the_version_under_review_its_author_and_time(
    client, submitted, treatment
):
    screen, data = open_review_screen(client, workflow_action_url(treatment, "approve"))
    text = screen_text(screen)

    saved = timezone.localtime(submitted.created_at)
    assert f"Version under review: saved by Wendy Writer at {saved:%B} {saved.day}, " in text
    assert "Approving publishes exactly this version" in text
    links = {a.get_text(): a["href"] for a in BeautifulSoup(screen["html"], "html.parser")("a")}
    assert links["Preview this version"] == (
        f"/admin/pages/{treatment.pk}/revisions/{submitted.pk}/view/"
    )
    assert links["Compare it with the live version"] == (
        f"/admin/pages/{treatment.pk}/revisions/compare/live...{submitted.pk}/"
    )
    assert data["revision"] == str(submitted.pk)


def test_an_autosave_of_the_same_text_after_submission_changes_nothing_and_approval_publishes(
    client, writer, reviewer, submitted, treatment
):
    # The writer's editor saved the same text once more, just after the submission (the race:
    # an autosave sent before "Submit" arrives after it).
    treatment.refresh_from_db()
    later = treatment.get_latest_revision_as_object().save_revision(user=writer)
    assert later.pk > submitted.pk
    mail.outbox.clear()

    task_state = current_task_state(treatment)
    assert task_state.revision == submitted  # the review did not restart...
    assert mail.outbox == []  # ...and nobody was asked to review again

    response = workflow_action(client, treatment, "approve")
    treatment.refresh_from_db()
    assert treatment.live_revision == submitted
    assert "The submitted text." in live_html(treatment)
    assert messages_of(response)[-1].startswith("“Plasma exchange” was approved and published")


def test_a_change_to_what_patients_read_restarts_the_review_and_the_older_screen_cannot_approve(
    client, reviewer, second_reviewer, submitted, treatment
):
    screen_url = workflow_action_url(treatment, "approve")
    _, shown = open_review_screen(client, screen_url)  # the reviewer opens the review screen

    # Meanwhile a second reviewer rewrites the section.
    client.force_login(second_reviewer)
    mail.outbox.clear()
    edit(client, treatment, what_it_is="<p>Rewritten during the review.</p>")
    restarted = current_task_state(treatment)
    assert restarted.revision != submitted
    assert [message.to for message in mail.outbox] == [[reviewer.email]]
    assert PageLogEntry.objects.filter(page=treatment, action="review.restarted").exists()

    # The first reviewer approves what they were shown: refused, nothing published.
    client.force_login(reviewer)
    shown["password"] = "correct horse battery"
    shown["sources_checked"] = "on"
    response = client.post(screen_url, shown, headers={"X-Requested-With": "XMLHttpRequest"})
    text = screen_text(response.json())
    assert re.search(
        r"“Plasma exchange” was not approved: what patients read changed after the version you "
        r"were shown \(saved by Sam Second at .+\)\. Nothing was published and the review is "
        r"still open on the new version: look at it, then decide\.",
        text,
    ), text
    assert "Rewritten during the review." not in live_html(treatment)
    assert not Approval.objects.exists()

    # The review goes on, on the new version, which they can approve.
    workflow_action(client, treatment, "approve")
    treatment.refresh_from_db()
    assert treatment.live_revision == restarted.revision
    assert "Rewritten during the review." in live_html(treatment)


def test_the_version_under_review_saved_again_after_the_screen_opened_is_not_approved(
    client, reviewer, second_reviewer, submitted, treatment
):
    client.force_login(second_reviewer)
    edit(client, treatment, what_it_is="<p>First rewrite.</p>")
    under_review = current_task_state(treatment).revision

    client.force_login(reviewer)
    screen_url = workflow_action_url(treatment, "approve")
    _, shown = open_review_screen(client, screen_url)

    # The second reviewer's editor autosaves over their own version, as Wagtail's autosave does.
    treatment.refresh_from_db()
    draft = treatment.get_latest_revision_as_object()
    draft.what_it_is = "<p>Second rewrite, saved over the first.</p>"
    draft.save_revision(user=second_reviewer, overwrite_revision=under_review)
    assert current_task_state(treatment).revision == under_review  # same revision, new text

    shown["password"] = "correct horse battery"
    shown["sources_checked"] = "on"
    response = client.post(screen_url, shown)
    [refusal] = [m for m in messages_of(response) if "not approved" in m]
    assert refusal.startswith(
        "“Plasma exchange” was not approved: the version under review was saved again by "
        "Sam Second at "
    )
    assert refusal.endswith(
        "after you opened it. Nothing was published and the review is still open: look at the "
        "version now under review, then decide."
    )
    assert "rewrite" not in live_html(treatment)

    workflow_action(client, treatment, "approve")  # looked at again, then approved
    assert "Second rewrite, saved over the first." in live_html(treatment)


def test_a_wrong_password_approves_nothing_and_says_so_on_the_review_screen(
    client, submitted, treatment
):
    response = workflow_action(client, treatment, "approve", password="wrong", xhr=True)

    text = screen_text(response.json())
    assert (
        "“Plasma exchange” was not approved: that is not your password. Approving is your "
        "signature: type the password you sign in with." in text
    )
    assert 'name="password"' in response.json()["html"]  # they can try again
    assert current_task_state(treatment).status == TaskState.STATUS_IN_PROGRESS
    assert not Approval.objects.exists()
    assert "The submitted text." not in live_html(treatment)


def test_approving_asks_the_reviewer_to_confirm_they_checked_the_cited_sources(
    client, submitted, treatment
):
    screen, _ = open_review_screen(client, workflow_action_url(treatment, "approve"))
    assert "I checked each statement against the sources it cites" in screen_text(screen)

    # Left unticked on the review screen: said there, nothing approved.
    response = workflow_action(client, treatment, "approve", sources_checked=False, xhr=True)
    assert "Confirm that you checked the statements against their sources." in screen_text(
        response.json()
    )
    # Posted without it from elsewhere: refused with the reason.
    response = workflow_action(client, treatment, "approve", sources_checked=False)
    assert (
        "“Plasma exchange” was not approved: confirm that you checked its statements against "
        "the sources they cite." in messages_of(response)
    )
    assert current_task_state(treatment).status == TaskState.STATUS_IN_PROGRESS
    assert not Approval.objects.exists()
    assert "The submitted text." not in live_html(treatment)


def test_an_approval_records_the_exact_revision_reviewer_time_and_signature(
    client, reviewer, submitted, treatment
):
    before = timezone.now()
    workflow_action(client, treatment, "approve")

    approval = Approval.objects.get()
    assert approval.revision == submitted
    assert approval.page_id == treatment.pk
    assert approval.reviewer == reviewer
    assert approval.reviewer_name == "Riley Reviewer"
    assert before <= approval.approved_at <= timezone.now()
    assert approval.get_signed_with_display() == "password re-entered"
    signed = PageLogEntry.objects.get(page=treatment, action="review.approval_signed")
    assert signed.user == reviewer
    assert signed.revision == submitted
    assert signed.message == "Signed the approval of this version (password re-entered)"


def test_a_decision_on_a_review_that_already_ended_says_who_decided(
    client, reviewer, second_reviewer, submitted, treatment
):
    client.force_login(second_reviewer)
    screen_url = workflow_action_url(treatment, "reject")
    _, shown = open_review_screen(client, screen_url)
    client.force_login(reviewer)
    workflow_action(client, treatment, "approve")

    client.force_login(second_reviewer)
    shown["comment"] = "Too late."
    response = client.post(screen_url, shown)
    assert (
        "“Plasma exchange” was not sent back: Riley Reviewer already approved and published it."
        in messages_of(response)
    )
