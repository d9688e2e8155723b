"""The watch on the evidence: a source superseded or withdrawn sends every page citing it back
for medical re-review at once, and patients see nothing different until it is re-reviewed."""

import csv
import io
import json

import pytest
from django.core import mail

from sources.models import EvidenceFlag, SourceStatus
from tests.factories import (
    ApprovalFactory,
    SourceFactory,
    TreatmentPageFactory,
    TreatmentSideEffectFactory,
    cite,
    safety_warning,
    sources_value,
)
from tests.review.admin_steps import live_html, submit, workflow_action
from tests.sources.conftest import source_url, source_workflow_action

pytestmark = pytest.mark.django_db


@pytest.fixture
def cited(treatment_index, side_effect_index, writer):
    """One source, cited in each way a page can cite it, and pages that do not cite it."""
    source = SourceFactory(title="Old guideline", publish=True)
    other = SourceFactory(title="Other guideline", publish=True)
    pages = {
        "in its text": TreatmentPageFactory(
            title="Cites it in its text", what_it_is=f"<p>Fact.{cite(source)}</p>"
        ),
        "in a warning": TreatmentPageFactory(
            title="Cites it in a warning",
            safety_warnings=json.dumps([safety_warning("Risk", "<p>Risk.</p>", sources=[source])]),
        ),
        "for a side effect": TreatmentPageFactory(title="Cites it for a side effect"),
        "for its status": TreatmentPageFactory(
            title="Cites it for its status", regulatory_status_sources=sources_value(source)
        ),
        "not at all": TreatmentPageFactory(
            title="Cites another source", what_it_is=f"<p>Fact.{cite(other)}</p>"
        ),
        "in a draft only": TreatmentPageFactory(title="Cites it in a draft only"),
    }
    TreatmentSideEffectFactory(treatment=pages["for a side effect"], sources=sources_value(source))
    for page in pages.values():  # each approved by a medical reviewer
        revision = page.save_revision(user=writer)
        ApprovalFactory(revision=revision)
        revision.publish()
    draft = pages["in a draft only"]
    draft.what_it_is = f"<p>Fact.{cite(source)}</p>"
    draft.save_revision(user=writer)
    return source, pages


CITING = {"in its text", "in a warning", "for a side effect", "for its status"}


def mark(client, writer, reviewer, source, status, **fields):
    """A writer marks the source superseded or withdrawn; a reviewer approves the change."""
    client.force_login(writer)
    form = {
        "title": source.title,
        "authors": source.authors,
        "kind": source.kind,
        "check_interval": source.check_interval,
        "status": status,
        "superseded_by": "",
        **fields,
        "action-submit": "1",
    }
    client.post(source_url("edit", source), form)
    source.refresh_from_db()
    assert not EvidenceFlag.objects.exists(), "nothing is flagged before the change is approved"
    client.force_login(reviewer)
    source_workflow_action(client, source, "approve")
    source.refresh_from_db()
    assert source.status == status


def re_review_emails():
    return [m for m in mail.outbox if m.subject.startswith("Medical re-review needed")]


def reviews_due(client, status=None):
    """The titles listed in "Medical reviews due", in order; only those listed as ``status``
    if given."""
    response = client.get("/admin/reports/reviews-due/?export=csv")
    text = b"".join(response.streaming_content).decode()
    rows = csv.DictReader(io.StringIO(text))
    return [row["Title"] for row in rows if status in (None, row["Medical review"])]


@pytest.mark.parametrize("status", [SourceStatus.SUPERSEDED, SourceStatus.WITHDRAWN])
def test_a_source_superseded_or_withdrawn_flags_every_page_citing_it(
    client, writer, reviewer, cited, status
):
    source, pages = cited
    before = {name: live_html(page) for name, page in pages.items()}
    replacement = SourceFactory(title="New guideline", publish=True)
    fields = {"superseded_by": replacement.pk} if status == SourceStatus.SUPERSEDED else {}

    mark(client, writer, reviewer, source, status, **fields)

    flagged = {flag.page_id for flag in EvidenceFlag.objects.filter(cleared_at=None)}
    assert flagged == {pages[name].pk for name in CITING}
    assert {flag.status for flag in EvidenceFlag.objects.all()} == {status}
    # They head the reviewers' list of reviews due, although none is due by date (after them
    # come only the index pages the factories published without review).
    due = reviews_due(client)
    assert set(due[: len(CITING)]) == {pages[name].title for name in CITING}
    assert set(reviews_due(client, status="Re-review needed now")) == {
        pages[name].title for name in CITING
    }
    assert not {page.title for page in pages.values()} & set(due[len(CITING) :])
    # Patients see each page exactly as before.
    assert {name: live_html(page) for name, page in pages.items()} == before


def test_the_writers_and_reviewers_are_emailed_about_the_pages_to_re_review(
    client,
    writer,
    other_writer,
    reviewer,
    second_reviewer,
    cited,
    django_capture_on_commit_callbacks,
):
    source, pages = cited
    # Emails go once the approval is committed.
    with django_capture_on_commit_callbacks(execute=True):
        mark(client, writer, reviewer, source, SourceStatus.WITHDRAWN)

    by_recipient = {message.to[0]: message for message in re_review_emails()}
    # The pages' writer (not the other writer, who wrote none of them) and every reviewer.
    assert set(by_recipient) == {writer.email, reviewer.email, second_reviewer.email}
    message = by_recipient[reviewer.email]
    assert message.subject == "Medical re-review needed: a source cited on 4 page(s) was withdrawn"
    for name, page in pages.items():
        assert (page.title in message.body) is (name in CITING), name
        assert (f"/admin/pages/{page.pk}/edit/" in message.body) is (name in CITING), name
    assert '"Old guideline"' in message.body


def test_the_editor_of_a_flagged_page_says_why_it_needs_re_review(client, writer, reviewer, cited):
    source, pages = cited
    mark(client, writer, reviewer, source, SourceStatus.WITHDRAWN)

    client.force_login(reviewer)
    html = client.get(f"/admin/pages/{pages['in its text'].pk}/edit/").content.decode()
    assert "Medical re-review needed:" in html
    assert "“Old guideline”, cited here, was marked withdrawn" in html


def test_approving_the_page_again_clears_its_flag(client, writer, reviewer, second_reviewer, cited):
    source, pages = cited
    mark(client, writer, reviewer, source, SourceStatus.WITHDRAWN)
    page = pages["in its text"]

    client.force_login(writer)
    submit(client, page, what_it_is="<p>Fact, now without the withdrawn source.</p>")
    client.force_login(second_reviewer)
    workflow_action(client, page, "approve")

    assert not EvidenceFlag.objects.filter(page=page, cleared_at=None).exists()
    assert EvidenceFlag.objects.filter(cleared_at=None).count() == len(CITING) - 1
    assert page.title not in reviews_due(client)
    assert "now without the withdrawn source" in live_html(page)


def test_a_later_change_to_a_superseded_source_flags_nothing_again(
    client, writer, reviewer, second_reviewer, cited, django_capture_on_commit_callbacks
):
    source, _ = cited
    mark(client, writer, reviewer, source, SourceStatus.WITHDRAWN)
    EvidenceFlag.objects.update(cleared_at=source.last_published_at)
    mail.outbox.clear()

    client.force_login(writer)
    form = {
        "title": "Old guideline, corrected title",
        "authors": source.authors,
        "kind": source.kind,
        "check_interval": source.check_interval,
        "status": SourceStatus.WITHDRAWN,
        "superseded_by": "",
        "action-submit": "1",
    }
    client.post(source_url("edit", source), form)
    source.refresh_from_db()
    client.force_login(second_reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        source_workflow_action(client, source, "approve")
    source.refresh_from_db()
    assert source.title == "Old guideline, corrected title"

    assert not EvidenceFlag.objects.filter(cleared_at=None).exists()
    assert re_review_emails() == []
