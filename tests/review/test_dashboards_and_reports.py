"""What each role sees on the dashboard, the decisions report, comments and concurrent edits."""

import csv
import io
import re

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from wagtail.models import Comment

from tests.review.admin_steps import (
    current_task_state,
    edit,
    new_comment,
    open_editor,
    save,
    submit,
    workflow_action,
)

pytestmark = pytest.mark.django_db


def test_reviewers_see_what_awaits_their_review(client, writer, reviewer, treatment):
    client.force_login(writer)
    submit(client, treatment, what_it_is="<p>New text.</p>")
    client.force_login(reviewer)
    html = client.get("/admin/").content.decode()
    assert "Awaiting your review" in html
    assert "Plasma exchange" in html


def test_reviewers_preview_the_submitted_revision_and_compare_it_with_the_live_one(
    client, writer, reviewer, treatment
):
    client.force_login(writer)
    submit(client, treatment, what_it_is="<p>Submitted wording.</p>")
    task_state = current_task_state(treatment)

    client.force_login(reviewer)
    preview = client.get(f"/admin/pages/workflow/preview/{treatment.pk}/{task_state.task_id}/")
    assert "Submitted wording." in preview.content.decode()
    compare = client.get(
        f"/admin/pages/{treatment.pk}/revisions/compare/live...{task_state.revision_id}/"
    )
    assert compare.status_code == 200
    html = compare.content.decode()
    assert "Original text." in html
    assert "Submitted wording." in html


def test_writers_see_their_drafts_and_what_was_sent_back(
    client, writer, other_writer, reviewer, treatment
):
    client.force_login(writer)
    submit(client, treatment, what_it_is="<p>New text.</p>")
    client.force_login(reviewer)
    workflow_action(client, treatment, "reject", comment="Needs a source.")

    edit_link = f"/admin/pages/{treatment.pk}/edit/"
    client.force_login(writer)
    dashboard = BeautifulSoup(client.get("/admin/").content, "html.parser")
    assert dashboard.find(string=re.compile("Your most recent edits"))
    panel = dashboard.find(id="pages-in-review-section")
    assert panel.find("a", href=edit_link, string="Plasma exchange")
    # What the reviewer asked, and who asked it, without opening anything.
    text = " ".join(panel.get_text().split())
    assert "Sent back for changes by Riley Reviewer" in text
    assert "Needs a source." in text

    client.force_login(other_writer)  # not theirs
    dashboard = BeautifulSoup(client.get("/admin/").content, "html.parser")
    assert dashboard.find(id="pages-in-review-section") is None
    assert "Needs a source." not in dashboard.get_text()


def test_the_decisions_report_lists_each_decision_and_exports_it(
    client, writer, reviewer, site_admin, treatment
):
    client.force_login(writer)
    submit(client, treatment, what_it_is="<p>First try.</p>")
    sent_back = current_task_state(treatment)
    client.force_login(reviewer)
    workflow_action(client, treatment, "reject", comment="Too technical.")
    client.force_login(writer)
    submit(client, treatment, what_it_is="<p>Second try.</p>")
    approved = current_task_state(treatment)
    client.force_login(reviewer)
    workflow_action(client, treatment, "approve")

    client.force_login(site_admin)
    html = client.get("/admin/reports/review-decisions/").content.decode()
    assert "Too technical." in html
    assert "Riley Reviewer" in html

    export = client.get("/admin/reports/review-decisions/?export=csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert [
        (row["Revision"], row["Reviewer"], row["Decision"], row["Signed"], row["Comment"])
        for row in rows
    ] == [
        (
            str(approved.revision_id),
            "Riley Reviewer",
            "Approved and published",
            "Signed: password re-entered",
            "",
        ),
        (
            str(sent_back.revision_id),
            "Riley Reviewer",
            "Sent back for changes",
            "",
            "Too technical.",
        ),
    ]
    assert all(row["Page"] == "Plasma exchange" and row["Time"] for row in rows)


def test_two_writers_editing_at_once_are_warned_and_neither_edit_is_lost(
    writer, other_writer, treatment
):
    first, second = Client(), Client()
    first.force_login(writer)
    second.force_login(other_writer)
    # Both open the editor on the same revision.
    _, first_form = open_editor(first, treatment)
    second_html, second_form = open_editor(second, treatment)

    save(first, treatment, first_form, what_it_is="<p>First writer's change.</p>")

    # The second writer's editor pings Wagtail, which warns that a newer revision was saved.
    ping_url = re.search(r"/admin/editing-sessions/ping/[^\"]+/", second_html).group(0)
    ping = second.post(ping_url, {"revision_id": second_form["loaded_revision_id"]}).json()
    [warning] = ping["other_sessions"]
    assert warning["user"] == "Wendy Writer"
    assert warning["revision_id"] == treatment.revisions.latest("created_at").pk

    # If they save anyway, both edits are kept as revisions: the first can be compared/restored.
    save(second, treatment, second_form, how_it_works="<p>Second writer's change.</p>")
    contents = [revision.content for revision in treatment.revisions.order_by("created_at")]
    assert "Second writer's change." in contents[-1]["how_it_works"]
    assert "First writer's change." in contents[-2]["what_it_is"]


def test_a_writer_can_lock_a_page_and_another_writer_cannot_unlock_it(
    client, writer, other_writer, treatment
):
    client.force_login(writer)
    client.post(f"/admin/pages/{treatment.pk}/lock/")
    treatment.refresh_from_db()
    assert treatment.locked_by == writer

    client.force_login(other_writer)
    client.post(f"/admin/pages/{treatment.pk}/unlock/")
    edit(client, treatment, what_it_is="<p>Blocked change.</p>")
    treatment.refresh_from_db()
    assert treatment.locked_by == writer
    assert "Blocked change." not in treatment.get_latest_revision().content["what_it_is"]


def test_writers_and_reviewers_can_comment(client, writer, reviewer, treatment):
    for user, text in ((writer, "Is this the right dose?"), (reviewer, "Yes, per the source.")):
        client.force_login(user)
        edit(
            client,
            treatment,
            **new_comment(text),
        )
        assert Comment.objects.filter(page=treatment, user=user, text=text).exists()
