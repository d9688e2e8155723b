"""The library of sources: writers add and change sources, medical reviewers approve them, and
patients only ever see approved (live) sources."""

import pytest
from wagtail.models import TaskState

from review.models import Approval
from sources.models import Source, SourceStatus
from tests.factories import SourceFactory, TreatmentPageFactory, UserFactory, cite
from tests.review.admin_steps import live_html, messages_of, open_review_screen
from tests.sources.conftest import source_url, source_workflow_action

pytestmark = pytest.mark.django_db


def submit_new_source(client, source_form, **fields):
    response = client.post(source_url("add"), {**source_form(**fields), "action-submit": "1"})
    assert response.status_code == 302, response.content.decode()[:2000]
    return Source.objects.get(title=fields.get("title", source_form()["title"]))


def approve(client, source):
    return source_workflow_action(client, source, "approve")


def test_a_writer_adds_a_source_and_a_reviewer_approves_it(client, writer, reviewer, source_form):
    client.force_login(writer)
    source = submit_new_source(client, source_form)
    assert not source.live
    assert source.current_workflow_state.status == "in_progress"

    client.force_login(reviewer)
    screen, _ = open_review_screen(
        client,
        source_url("workflow_action", source, "approve", source.current_workflow_task_state.pk),
    )
    assert 'name="password"' in screen["html"]  # signed, as a page's approval
    assert 'name="sources_checked"' not in screen["html"]  # a source is itself the evidence
    approve(client, source)

    source.refresh_from_db()
    assert source.live
    assert Source.objects.with_last_checked().get().last_checked_at is not None
    # The signed approval names the source's revision, and no page.
    approval = Approval.objects.get(revision=source.live_revision)
    assert (approval.page, approval.reviewer, approval.change_note) == (None, reviewer, "")


def test_a_writer_cannot_publish_a_source(client, writer, source_form):
    client.force_login(writer)
    client.post(source_url("add"), {**source_form(), "action-publish": "1"})
    assert not Source.objects.get().live

    # Nor a change to a live source, by posting the publish action.
    live = SourceFactory(publish=True, title="The approved title")
    client.post(source_url("edit", live), {**source_form(title="Changed"), "action-publish": "1"})
    live.refresh_from_db()
    assert live.title == "The approved title"
    assert live.has_unpublished_changes


def test_a_writer_cannot_delete_or_unpublish_a_source(client, writer):
    source = SourceFactory(publish=True)
    client.force_login(writer)

    assert client.post(source_url("delete", source)).status_code in (302, 403)
    assert client.post(source_url("unpublish", source)).status_code in (302, 403)

    source.refresh_from_db()
    assert source.live


def test_a_reviewer_cannot_add_a_source_only_review_it(client, reviewer, source_form):
    client.force_login(reviewer)
    response = client.post(source_url("add"), {**source_form(), "action-submit": "1"})
    assert response.status_code in (302, 403)
    assert not Source.objects.exists()


def test_a_reviewer_cannot_approve_their_own_change_to_a_source(
    client, reviewer, second_reviewer, source_form
):
    source = SourceFactory(publish=True, title="Old title")
    client.force_login(reviewer)
    client.post(
        source_url("edit", source), {**source_form(title="New title"), "action-submit": "1"}
    )
    source.refresh_from_db()
    task_state = source.current_workflow_task_state

    response = approve(client, source)
    assert any("four-eyes rule" in message for message in messages_of(response))
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert Source.objects.get().title == "Old title"  # the live version is unchanged

    client.force_login(second_reviewer)
    approve(client, source)
    assert Source.objects.get().title == "New title"


def test_sending_a_source_back_needs_a_comment(client, writer, reviewer, source_form):
    client.force_login(writer)
    source = submit_new_source(client, source_form)
    client.force_login(reviewer)
    task_state = source.current_workflow_task_state

    source_workflow_action(client, source, "reject", comment=" ")
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS

    source_workflow_action(client, source, "reject", comment="Give the DOI.")
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_REJECTED


def test_site_administrators_may_publish_a_source_directly(client, site_admin, source_form):
    client.force_login(site_admin)
    client.post(source_url("add"), {**source_form(), "action-publish": "1"})
    assert Source.objects.get().live


@pytest.mark.parametrize(
    ("role", "may_open"), [("writer", True), ("reviewer", True), ("nobody", False)]
)
def test_who_can_open_the_library(client, role, may_open, request):
    source = SourceFactory()
    user = request.getfixturevalue(role) if role != "nobody" else UserFactory()
    client.force_login(user)
    for url in (source_url("list"), source_url("edit", source)):
        assert (client.get(url).status_code == 200) is may_open, url


def test_anonymous_visitors_are_sent_to_log_in(client):
    source = SourceFactory()
    for url in (source_url("list"), source_url("add"), source_url("edit", source)):
        response = client.get(url)
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


def test_a_draft_source_never_appears_to_patients(client, writer, reviewer, source_form):
    client.force_login(writer)
    source = submit_new_source(client, source_form, title="Awaiting approval")
    page = TreatmentPageFactory(what_it_is=f"<p>A statement.{cite(source)}</p>")
    page.save_revision().publish()

    assert "Awaiting approval" not in live_html(page)
    assert "Sources" not in live_html(page)

    client.force_login(reviewer)
    approve(client, source)
    assert "Awaiting approval" in live_html(page)


def test_a_change_to_a_live_source_shows_only_once_approved(client, writer, reviewer, source_form):
    source = SourceFactory(publish=True, title="The approved title")
    page = TreatmentPageFactory(what_it_is=f"<p>A statement.{cite(source)}</p>")
    page.save_revision().publish()

    client.force_login(writer)
    client.post(
        source_url("edit", source),
        {**source_form(title="An unapproved title"), "action-submit": "1"},
    )
    html = live_html(page)
    assert "The approved title" in html
    assert "An unapproved title" not in html

    client.force_login(reviewer)
    approve(client, source)
    assert "An unapproved title" in live_html(page)


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"doi": "not a doi"}, "doi", "Enter a DOI such as"),
        ({"url": "javascript:alert(1)"}, "url", "Enter a valid URL"),
        ({"status": SourceStatus.SUPERSEDED}, "superseded_by", "Choose the source that"),
        ({"title": ""}, "title", "This field is required"),
    ],
)
def test_a_source_with_bad_details_is_refused_with_a_reason(
    client, writer, source_form, fields, field, message
):
    client.force_login(writer)
    response = client.post(source_url("add"), {**source_form(**fields), "action-submit": "1"})

    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not Source.objects.exists()


def test_a_doi_is_kept_in_its_short_form_however_it_is_typed(client, writer, source_form):
    client.force_login(writer)
    submit_new_source(client, source_form, doi="https://doi.org/10.1212/WNL.0000000000001234")
    assert Source.objects.get().doi == "10.1212/WNL.0000000000001234"


def test_two_sources_cannot_share_a_doi(client, writer, source_form):
    SourceFactory(doi="10.1000/abc")
    client.force_login(writer)
    response = client.post(source_url("add"), {**source_form(doi="doi:10.1000/abc")})
    assert response.status_code == 200
    assert Source.objects.count() == 1
