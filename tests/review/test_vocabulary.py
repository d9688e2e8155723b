"""One vocabulary for the medical review: "Submit to Medical review", "Send back for changes" /
"sent back for changes", "Approve and publish" / "approved and published", on every button,
message, email, dashboard, history and report; after each action the actor is told what
happened to the page."""

import re

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.utils.html import strip_tags
from wagtail.models import TaskState

from tests.review.admin_steps import (
    edit,
    edit_url,
    follow,
    messages_of,
    open_editor,
    submit,
    workflow_action,
    workflow_action_from_editor,
)

pytestmark = pytest.mark.django_db

OLD_WORDS = re.compile(r"request changes|changes requested|rejected|moderation", re.IGNORECASE)


def text_of(html: str) -> str:
    return " ".join(strip_tags(html).split())


def buttons_of(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    return [" ".join(button.get_text().split()) for button in soup.find_all("button")]


@pytest.fixture
def submitted(client, writer, reviewer, second_reviewer, treatment):
    """The writer has submitted a new version; the reviewer is signed in."""
    client.force_login(writer)
    response = submit(client, treatment, what_it_is="<p>New text.</p>")
    follow(client, response)
    client.force_login(reviewer)
    return response


def test_the_writer_is_told_the_page_was_submitted(submitted):
    assert messages_of(submitted) == ["“Plasma exchange” was submitted for medical review."]


def test_reviewers_are_emailed_that_the_page_waits_for_their_review(
    submitted, reviewer, second_reviewer
):
    emails = {message.to[0]: message for message in mail.outbox}
    assert set(emails) == {reviewer.email, second_reviewer.email}
    for email in emails.values():
        assert email.subject == "“Plasma exchange” is waiting for your medical review"
        assert (
            "“Plasma exchange” is waiting for your medical review: approve and publish it, or "
            "send it back for changes." in email.body
        )
        assert "The version under review was saved by Wendy Writer at" in email.body
        assert not OLD_WORDS.search(email.subject + email.body)


def test_only_the_medical_reviewers_are_asked_to_review(
    client, writer, reviewer, site_admin, treatment
):
    client.force_login(writer)
    submit(client, treatment, what_it_is="<p>New text.</p>")
    assert [message.to for message in mail.outbox] == [[reviewer.email]]


def test_the_review_offers_two_decisions_in_the_portals_words(client, submitted, treatment):
    dashboard = client.get("/admin/").content.decode()
    assert {"Approve and publish", "Send back for changes"} <= set(buttons_of(dashboard))

    editor, _ = open_editor(client, treatment)
    assert {"Approve and publish", "Send back for changes"} <= set(buttons_of(editor))
    assert not OLD_WORDS.search(" ".join(buttons_of(dashboard) + buttons_of(editor)))


def test_sending_back_tells_the_reviewer_and_emails_the_writer_the_comment(
    client, submitted, writer, treatment
):
    mail.outbox.clear()
    response = workflow_action(client, treatment, "reject", comment="Cite the session length.")

    assert messages_of(response) == [
        "“Plasma exchange” was sent back for changes. Wendy Writer sees your comment on their "
        "dashboard and at the top of the editor."
    ]
    [email] = mail.outbox
    assert email.to == [writer.email]
    assert email.subject == "“Plasma exchange” was sent back for changes"
    assert "Riley Reviewer sent “Plasma exchange” back for changes:" in email.body
    assert "Cite the session length." in email.body
    assert "Make the changes, then resubmit it to medical review:" in email.body


def test_approving_tells_the_reviewer_what_patients_now_read_and_emails_the_writer(
    client, submitted, writer, treatment
):
    mail.outbox.clear()
    response = workflow_action(client, treatment, "approve")

    [message] = messages_of(response)
    assert re.fullmatch(
        r"“Plasma exchange” was approved and published: patients now read the version saved "
        r"by Wendy Writer at \w+ \d+, \d{4}, \d+:\d\d:\d\d [ap]\.m\.\.",
        message,
    ), message
    assert "View live" in str(next(iter(response.wsgi_request._messages)))
    [email] = mail.outbox
    assert email.to == [writer.email]
    assert email.subject == "“Plasma exchange” was approved and published"
    assert "Riley Reviewer approved and published “Plasma exchange”." in email.body


def test_deciding_in_the_editor_says_the_same(client, submitted, writer, reviewer, treatment):
    response = workflow_action_from_editor(client, treatment, "reject", comment="Too long.")
    follow(client, response)
    assert messages_of(response) == [
        "“Plasma exchange” was sent back for changes. Wendy Writer sees your comment on their "
        "dashboard and at the top of the editor."
    ]

    client.force_login(writer)
    follow(client, submit(client, treatment, what_it_is="<p>Shorter.</p>"))
    client.force_login(reviewer)
    response = workflow_action_from_editor(client, treatment, "approve")
    assert messages_of(response)[0].startswith(
        "“Plasma exchange” was approved and published: patients now read the version saved by "
        "Wendy Writer at"
    )


def test_the_writer_reads_the_reviewers_comment_at_the_top_of_the_editor(
    client, submitted, writer, treatment
):
    follow(
        client,
        workflow_action(client, treatment, "reject", comment="Say how long each session lasts."),
    )

    client.force_login(writer)
    response = client.get(edit_url(treatment))
    [note] = messages_of(response)
    assert note.startswith("Sent back for changes by Riley Reviewer, ")
    assert note.endswith(
        ": “Say how long each session lasts.” Make the changes, then resubmit the page to "
        "medical review."
    )
    assert "Resubmit to Medical review" in buttons_of(response.content.decode())


def test_history_and_status_use_the_same_words(client, submitted, site_admin, treatment):
    workflow_action(client, treatment, "reject", comment="Too long.")
    client.force_login(site_admin)
    history = text_of(client.get(f"/admin/pages/{treatment.pk}/history/").content.decode())
    assert "Medical review: sent back for changes" in history
    assert "Medical review: submitted" in history

    state = TaskState.objects.get(workflow_state__object_id=str(treatment.pk))
    detail = text_of(
        client.get(
            f"/admin/pages/{treatment.pk}/workflow_history/detail/{state.workflow_state_id}/"
        ).content.decode()
    )
    assert "Sent back for changes" in detail
    assert "Too long." in detail
    assert not OLD_WORDS.search(history + detail)


def test_the_writer_who_cancels_the_review_is_told_in_the_same_words(
    client, submitted, writer, treatment
):
    client.force_login(writer)
    editor, _ = open_editor(client, treatment)
    assert "Cancel medical review" in buttons_of(editor)

    response = edit(client, treatment, action="action-cancel-workflow")

    assert "The medical review of “Plasma exchange” was cancelled." in messages_of(response)
