"""What changed, for patients: the writer says it in a short change note when submitting a page to
the medical review; the reviewer reads it and signs it with the approval; patients read it in the
page's list of updates once that version is live, and "Last updated" is the day the version they
read went live."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.utils import dateformat, timezone
from wagtail.models import Page

from review.models import Approval
from tests.factories import TreatmentPageFactory, publish_approved
from tests.review.admin_steps import (
    edit,
    messages_of,
    open_review_screen,
    submit,
    workflow_action,
    workflow_action_url,
)

pytestmark = pytest.mark.django_db

REFUSED = "Say in one short sentence what changed for patients"


def review_record(page):
    """The page's "Medical review" box as an anonymous visitor (a patient) reads it."""
    response = Client().get(Page.objects.get(pk=page.pk).url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one("aside.review-record")


def updates(page) -> list[str]:
    """The page's list of updates, as patients read it, top to bottom."""
    return [" ".join(item.get_text().split()) for item in review_record(page).select("li")]


def notes(page) -> list[str]:
    """Only the notes of the page's list of updates, top to bottom."""
    return [update.split(": ", 1)[1] for update in updates(page)]


def today() -> str:
    return dateformat.format(timezone.localtime(), "F j, Y")


def submit_and_approve(client, writer, reviewer, page, note, **changes):
    client.force_login(writer)
    submit(client, page, change_note=note, **changes)
    client.force_login(reviewer)
    workflow_action(client, page, "approve")


def test_a_submission_without_a_change_note_is_refused_and_nothing_is_lost(
    client, writer, treatment
):
    client.force_login(writer)
    revisions = treatment.revisions.count()

    for no_note in ("", "   "):
        response = submit(
            client, treatment, summary="A summary the writer just wrote.", change_note=no_note
        )

        assert response.status_code == 200  # the editor again, not a redirect
        html = response.content.decode()
        assert REFUSED in html
        assert "A summary the writer just wrote." in html  # what they typed is still there
    page = Page.objects.get(pk=treatment.pk)
    assert not page.workflow_in_progress
    assert treatment.revisions.count() == revisions


def test_saving_a_draft_needs_no_change_note(client, writer, treatment):
    client.force_login(writer)
    response = edit(client, treatment, summary="Work in progress.")
    assert response.status_code == 302
    assert treatment.revisions.count() == 2


def test_the_reviewer_reads_the_note_and_approving_signs_it_and_patients_read_it(
    client, writer, reviewer, treatment
):
    client.force_login(writer)
    submit(
        client,
        treatment,
        what_it_is="<p>Can harm the kidneys.</p>",
        change_note="Updated the kidney warning",
    )

    client.force_login(reviewer)
    screen, _ = open_review_screen(client, workflow_action_url(treatment, "approve"))
    assert (
        "The writer's note for patients on this change: “Updated the kidney warning”"
        in (screen["html"])
    )
    workflow_action(client, treatment, "approve")

    approval = Approval.objects.get(page_id=treatment.pk)
    assert approval.change_note == "Updated the kidney warning"
    record = review_record(treatment)
    assert f"Last updated {today()}" in " ".join(record.get_text().split())
    assert updates(treatment) == [f"{today()}: Updated the kidney warning"]


def test_only_published_notes_appear_newest_first(
    client, writer, reviewer, second_reviewer, treatment
):
    submit_and_approve(
        client,
        writer,
        reviewer,
        treatment,
        "Added how it is given",
        how_it_is_given="<p>In a vein.</p>",
    )
    submit_and_approve(
        client,
        writer,
        second_reviewer,
        treatment,
        "Updated the kidney warning",
        what_it_is="<p>Kidneys.</p>",
    )
    # A third change, submitted and still under review.
    client.force_login(writer)
    submit(client, treatment, summary="Not reviewed yet.", change_note="Rewrote the summary")

    assert notes(treatment) == ["Updated the kidney warning", "Added how it is given"]


def test_a_sent_back_submissions_note_does_not_appear(client, writer, reviewer, treatment):
    client.force_login(writer)
    submit(client, treatment, summary="A wrong dose.", change_note="Changed the dose")
    client.force_login(reviewer)
    workflow_action(client, treatment, "reject", comment="The dose is wrong.")
    assert notes(treatment) == []

    # The writer corrects it and resubmits with a note that says what the change now is.
    submit_and_approve(
        client, writer, reviewer, treatment, "Explained the usual dose", summary="The usual dose."
    )

    assert notes(treatment) == ["Explained the usual dose"]


def test_anonymous_visitors_never_see_draft_notes(client, writer, reviewer, treatment):
    submit_and_approve(
        client,
        writer,
        reviewer,
        treatment,
        "Added how it is given",
        how_it_is_given="<p>In a vein.</p>",
    )
    client.force_login(writer)
    submit(client, treatment, summary="A draft summary.", change_note="A draft note")
    edit(client, treatment, summary="A later draft.")

    html = Client().get(treatment.url).content.decode()
    assert "A draft note" not in html
    assert notes(treatment) == ["Added how it is given"]


def test_an_administrators_direct_publication_adds_no_note_and_last_updated_stays_true(
    client, writer, reviewer, site_admin, treatment
):
    submit_and_approve(
        client,
        writer,
        reviewer,
        treatment,
        "Added how it is given",
        how_it_is_given="<p>In a vein.</p>",
    )
    a_while_ago = timezone.now() - timezone.timedelta(days=40)
    Approval.objects.update(approved_at=a_while_ago)
    Page.objects.filter(pk=treatment.pk).update(last_published_at=a_while_ago)
    assert f"Last updated {dateformat.format(timezone.localtime(a_while_ago), 'F j, Y')}" in (
        " ".join(review_record(treatment).get_text().split())
    )

    # An emergency correction, published directly without review and without a note.
    client.force_login(site_admin)
    response = edit(client, treatment, action="action-publish", summary="Corrected at once.")
    assert response.status_code == 302, messages_of(response)

    record = " ".join(review_record(treatment).get_text().split())
    assert f"Last updated {today()}" in record  # the day the version patients read went live
    assert "Not yet medically reviewed" in record
    assert notes(treatment) == ["Added how it is given"]  # no note made up for it


def test_the_list_of_updates_costs_the_same_queries_however_long_it_is(
    home, treatment_index, queries_to_render
):
    one = TreatmentPageFactory(title="One update", parent=treatment_index)
    many = TreatmentPageFactory(title="Twenty updates", parent=treatment_index)
    publish_approved(one, change_note="Update 1")
    for number in range(1, 21):
        publish_approved(many, change_note=f"Update {number}")

    assert len(notes(many)) == 20
    assert notes(many)[0] == "Update 20"
    assert queries_to_render(many) == queries_to_render(one)
