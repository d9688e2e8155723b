"""Pages due a medical re-review: the report, the dashboard panel and the daily reminders."""

import csv
import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from tests.factories import (
    GlossaryIndexPageFactory,
    GlossaryTermPageFactory,
    SideEffectIndexPageFactory,
    SideEffectPageFactory,
    TreatmentIndexPageFactory,
    TreatmentPageFactory,
    home_page,
    publish_approved,
)

pytestmark = pytest.mark.django_db


def reviewed(factory, days_until_due, live=True, **kwargs):
    """A page a reviewer approved, whose next review falls `days_until_due` days from today
    (negative: overdue)."""
    page = factory(live=live, **kwargs)
    if live:
        publish_approved(page)
    else:
        page.save_revision(user=kwargs.get("owner"))
    due = timezone.localdate() + datetime.timedelta(days=days_until_due)
    type(page).objects.filter(pk=page.pk).update(
        last_review_date=due - datetime.timedelta(days=365), next_review_date=due
    )
    return page


@pytest.fixture
def pages(db, writer, other_writer):
    index = TreatmentIndexPageFactory()
    # The home and index pages were approved as they stand, so they are not due.
    for page in (home_page(), index, SideEffectIndexPageFactory(), GlossaryIndexPageFactory()):
        publish_approved(page)
    return {
        "overdue": reviewed(
            TreatmentPageFactory, -3, title="Overdue treatment", owner=writer, parent=index
        ),
        "due today": reviewed(SideEffectPageFactory, 0, title="Due today side effect"),
        "due in 30 days": reviewed(
            GlossaryTermPageFactory, 30, title="Due in thirty days", owner=other_writer
        ),
        "due in 31 days": reviewed(
            TreatmentPageFactory, 31, title="Due in thirty-one days", parent=index
        ),
        "not live": reviewed(
            TreatmentPageFactory, -10, live=False, title="Unpublished overdue", parent=index
        ),
        "never reviewed": TreatmentPageFactory(title="Never reviewed", parent=index),
    }


# Most urgent first: live as no reviewer approved it, then by the date the review falls due.
DUE = ["Never reviewed", "Overdue treatment", "Due today side effect", "Due in thirty days"]


def test_the_report_lists_unreviewed_pages_first_then_those_overdue_or_due_within_30_days(
    client, reviewer, pages
):
    client.force_login(reviewer)
    response = client.get("/admin/reports/reviews-due/")
    assert response.status_code == 200
    html = response.content.decode()
    for name, page in pages.items():
        assert (page.title in html) is (page.title in DUE), name

    export = client.get("/admin/reports/reviews-due/?export=csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert [(row["Title"], row["Medical review"]) for row in rows] == [
        ("Never reviewed", "Not medically reviewed"),
        ("Overdue treatment", "Overdue"),
        ("Due today side effect", "Due within 30 days"),
        ("Due in thirty days", "Due within 30 days"),
    ]


def test_the_dashboard_shows_the_pages_due_the_unreviewed_first(client, writer, pages):
    client.force_login(writer)
    html = client.get("/admin/").content.decode()
    assert "Medical reviews due" in html
    for page in pages.values():
        assert (page.title in html) is (page.title in DUE)
    assert [html.index(title) for title in DUE] == sorted(html.index(title) for title in DUE)
    assert "Not medically reviewed" in html


def test_reminders_go_to_the_responsible_writers_and_all_reviewers(
    writer, other_writer, reviewer, second_reviewer, pages
):
    call_command("send_review_reminders", stdout=io.StringIO())

    by_recipient = {message.to[0]: message.body for message in mail.outbox}
    assert set(by_recipient) == {
        writer.email,
        other_writer.email,
        reviewer.email,
        second_reviewer.email,
    }
    for reviewer_email in (reviewer.email, second_reviewer.email):
        assert {title for title in DUE if title in by_recipient[reviewer_email]} == set(DUE)
        assert "Never reviewed: not medically reviewed" in by_recipient[reviewer_email]
        assert "Due in thirty-one days" not in by_recipient[reviewer_email]
        assert "Unpublished overdue" not in by_recipient[reviewer_email]
    # Each writer hears about their own pages only.
    assert "Overdue treatment" in by_recipient[writer.email]
    assert "Due in thirty days" not in by_recipient[writer.email]
    assert "Due in thirty days" in by_recipient[other_writer.email]
    assert "(overdue)" in by_recipient[writer.email]
    assert f"/admin/pages/{pages['overdue'].pk}/edit/" in by_recipient[writer.email]


def test_no_reminders_when_nothing_is_due(reviewer):
    publish_approved(home_page())  # the one page a new site starts with
    call_command("send_review_reminders", stdout=io.StringIO())
    assert mail.outbox == []
