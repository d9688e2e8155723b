"""Four eyes: nobody approves a version they wrote or changed. The task decides
(MedicalReviewTask.get_actions), so every path agrees: the dashboard's review screen, a direct
post to it, and the page editor's action menu."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import TaskState

from tests.factories import publish_approved
from tests.review.admin_steps import (
    current_task_state,
    edit,
    live_html,
    messages_of,
    open_editor,
    submit,
    workflow_action,
    workflow_action_from_editor,
    workflow_action_url,
)

pytestmark = pytest.mark.django_db

FOUR_EYES = (
    "“Plasma exchange” was not approved: you wrote or changed what patients read in it since "
    "its last medical review. Another medical reviewer must approve it (four-eyes rule)."
)


def offered(user, page):
    task_state = current_task_state(page)
    return [name for name, _, _ in task_state.task.specific.get_actions(page, user)]


def action_menu(client, page):
    html, _ = open_editor(client, page)
    return {
        button["data-workflow-action-name"]
        for button in BeautifulSoup(html, "html.parser").select("[data-workflow-action-name]")
    }


@pytest.fixture
def changed_by_reviewer(client, writer, reviewer, treatment):
    """The writer drafts, the reviewer changes a sentence, the writer submits it."""
    client.force_login(writer)
    edit(client, treatment, what_it_is="<p>Draft by the writer.</p>")
    client.force_login(reviewer)
    edit(client, treatment, what_it_is="<p>Draft by the writer, tidied.</p>")
    client.force_login(writer)
    submit(client, treatment)
    client.force_login(reviewer)
    return treatment


def test_only_reviewers_who_did_not_change_it_are_offered_approval(
    changed_by_reviewer, writer, reviewer, second_reviewer, site_admin
):
    page = changed_by_reviewer
    assert offered(second_reviewer, page) == ["approve", "reject"]
    assert offered(reviewer, page) == ["reject"]  # may still send it back
    assert offered(writer, page) == []
    assert offered(site_admin, page) == []  # administrators publish, they do not review


def test_the_editors_menu_offers_approval_only_to_those_who_may(
    client, changed_by_reviewer, second_reviewer
):
    assert action_menu(client, changed_by_reviewer) == {"reject"}
    client.force_login(second_reviewer)
    assert action_menu(client, changed_by_reviewer) == {"approve", "reject"}


def test_the_review_screen_refuses_a_reviewer_who_changed_it_and_says_why(
    client, changed_by_reviewer
):
    url = workflow_action_url(changed_by_reviewer, "approve")

    screen = client.get(url, headers={"X-Requested-With": "XMLHttpRequest"}).json()
    assert FOUR_EYES in " ".join(BeautifulSoup(screen["html"], "html.parser").get_text().split())

    response = client.post(url, {"password": "correct horse battery"})
    assert response.status_code == 302
    assert FOUR_EYES in messages_of(response)
    assert current_task_state(changed_by_reviewer).status == TaskState.STATUS_IN_PROGRESS
    assert "tidied" not in live_html(changed_by_reviewer)


def test_the_editor_refuses_a_reviewer_who_changed_it_and_keeps_what_they_typed(
    client, changed_by_reviewer
):
    response = workflow_action_from_editor(client, changed_by_reviewer, "approve")
    assert response["step"] == "action"  # the review screen says why, before anything is sent
    assert FOUR_EYES in " ".join(BeautifulSoup(response["html"], "html.parser").get_text().split())

    # A post that skips the screen: saved as a draft, not approved, and told why.
    response = edit(
        client,
        changed_by_reviewer,
        action="action-workflow-action",
        who_it_may_suit="<p>A sentence the reviewer adds.</p>",
        **{"workflow-action-name": "approve", "workflow-action-extra-data": "{}"},
    )
    assert FOUR_EYES in messages_of(response)
    changed_by_reviewer.refresh_from_db()
    assert (
        "the reviewer adds" in changed_by_reviewer.get_latest_revision().content["who_it_may_suit"]
    )
    assert "tidied" not in live_html(changed_by_reviewer)


def test_a_reviewer_who_changes_the_text_while_approving_in_the_editor_is_refused(
    client, writer, reviewer, second_reviewer, treatment
):
    client.force_login(writer)
    submit(client, treatment, what_it_is="<p>Written by the writer.</p>")

    client.force_login(reviewer)
    response = workflow_action_from_editor(
        client, treatment, "approve", what_it_is="<p>Rewritten while approving.</p>"
    )

    assert messages_of(response) == [f"{FOUR_EYES} Your changes are saved as a new version."]
    assert "Written by the writer." not in live_html(treatment)
    # The review goes on, on the reviewer's version, for another reviewer to approve.
    task_state = current_task_state(treatment)
    assert "Rewritten while approving." in task_state.revision.content["what_it_is"]
    client.force_login(second_reviewer)
    workflow_action(client, treatment, "approve")
    assert "Rewritten while approving." in live_html(treatment)


def test_four_eyes_counts_from_the_last_approved_version(
    client, writer, reviewer, second_reviewer, treatment
):
    # The reviewer's own change was approved by a colleague and published...
    client.force_login(reviewer)
    submit(client, treatment, what_it_is="<p>The reviewer's wording.</p>")
    client.force_login(second_reviewer)
    workflow_action(client, treatment, "approve")

    # ...so they may approve the writer's next version, which they did not touch.
    client.force_login(writer)
    submit(client, treatment, what_it_is="<p>The writer's next wording.</p>")
    assert offered(reviewer, treatment) == ["approve", "reject"]


def test_a_page_never_approved_counts_every_change_since_it_was_made(
    client, reviewer, second_reviewer, treatment
):
    # The page was published without review; the reviewer edited it then.
    client.force_login(reviewer)
    edit(client, treatment, what_it_is="<p>Changed before any review.</p>")
    treatment.refresh_from_db()
    treatment.get_latest_revision().publish()
    client.force_login(second_reviewer)
    submit(client, treatment, summary="A new summary.")

    assert offered(reviewer, treatment) == ["reject"]
    publish_approved(treatment)  # once a version is approved, that history is behind it
    submit(client, treatment, summary="Another summary.")
    assert offered(reviewer, treatment) == ["approve", "reject"]


NOT_A_REVIEWER = (
    "You cannot approve or send back “Plasma exchange”: only medical reviewers decide in the "
    "medical review."
)


@pytest.mark.parametrize(
    ("role", "approved", "sent_to", "told"),
    [
        ("anonymous", False, "/admin/login/", None),
        ("writer", False, "/admin/pages/", NOT_A_REVIEWER),
        ("site_admin", False, "/admin/pages/", NOT_A_REVIEWER),
        ("reviewer", False, "/admin/pages/", FOUR_EYES),
        ("second_reviewer", True, "/admin/pages/", None),
    ],
)
def test_a_signed_approval_posted_by_each_role(
    request, client, changed_by_reviewer, role, approved, sent_to, told
):
    task_state = current_task_state(changed_by_reviewer)
    signed = {
        "revision": task_state.revision_id,
        "revision_saved_at": task_state.revision.created_at.isoformat(),
        "sources_checked": "on",
        "password": "correct horse battery",
    }
    client.logout()
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))

    response = client.post(workflow_action_url(changed_by_reviewer, "approve"), signed)

    assert response.status_code == 302
    assert response.url.startswith(sent_to)
    assert ("tidied" in live_html(changed_by_reviewer)) is approved
    if told:
        assert told in messages_of(response)
