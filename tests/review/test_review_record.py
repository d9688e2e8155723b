"""What a page says about its medical review is always true: "Medically reviewed by" only when
a reviewer approved exactly the live version; anything published otherwise (an administrator's
emergency correction, the demo loader, an import) says "Not yet medically reviewed", is audited
as published without medical review and heads the reviews due."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.models import Page, PageLogEntry

from review.due import pages_due_for_review
from review.models import Approval
from tests.factories import publish_approved
from tests.review.admin_steps import edit, live_html, messages_of, submit, workflow_action
from treatments.models import TreatmentPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewed(client, writer, reviewer, treatment):
    """The treatment page as a reviewer approved and published it."""
    client.force_login(writer)
    submit(client, treatment, what_it_is="<p>Reviewed text.</p>")
    client.force_login(reviewer)
    workflow_action(client, treatment, "approve")
    assert "Medically reviewed by Riley Reviewer" in live_html(treatment)
    treatment.refresh_from_db()
    return treatment


def test_an_administrators_direct_publication_is_not_called_reviewed(client, site_admin, reviewed):
    client.force_login(site_admin)
    response = edit(
        client, reviewed, action="action-publish", what_it_is="<p>The dose, corrected.</p>"
    )

    assert (
        "“Plasma exchange” was published without medical review: patients read “Not yet "
        "medically reviewed” until a medical reviewer approves a version. It heads Medical "
        "reviews due." in messages_of(response)
    )
    html = live_html(reviewed)
    assert "The dose, corrected." in html
    assert "Not yet medically reviewed" in html
    assert "Medically reviewed by" not in html
    assert "Next review due" not in html
    entry = PageLogEntry.objects.filter(page=reviewed, action="review.published_without_review")
    assert entry.latest("timestamp").user == site_admin
    history = client.get(f"/admin/pages/{reviewed.pk}/history/").content.decode()
    assert "Published without medical review" in " ".join(history.split())


def test_a_direct_publication_heads_the_reviews_due(client, reviewer, site_admin, reviewed):
    publish_approved(Page.objects.get(depth=2))  # the home page, approved as it stands
    client.force_login(site_admin)
    edit(client, reviewed, action="action-publish", summary="An urgent correction.")
    client.force_login(reviewer)

    [first, *_] = pages_due_for_review()
    assert first.pk == reviewed.pk
    assert first.review_status == "Not medically reviewed"
    dashboard = BeautifulSoup(client.get("/admin/").content, "html.parser")
    panel = dashboard.find(id="medical-reviews-due-section")
    first_row = " ".join(panel.tbody.tr.get_text().split())
    assert first_row.startswith("Plasma exchange Not medically reviewed")
    report = client.get("/admin/reports/reviews-due/").content.decode()
    assert "published without medical review" in report


def test_a_page_says_who_reviewed_it_and_when_from_the_approval(client, reviewed):
    approval = Approval.objects.get(revision=reviewed.live_revision)
    day = timezone.localdate(approval.approved_at)
    record = BeautifulSoup(Client().get(reviewed.url).content, "html.parser").find(
        "aside", class_="review-record"
    )
    assert (
        record.p.get_text()
        == f"Medically reviewed by Riley Reviewer, {day:%B} {day.day}, {day.year}"
    )
    assert record.p.time["datetime"] == day.isoformat()


def test_a_preview_never_claims_a_review(client, reviewer, reviewed):
    client.force_login(reviewer)
    edit(client, reviewed, what_it_is="<p>A draft nobody reviewed.</p>")
    preview = client.get(f"/admin/pages/{reviewed.pk}/view_draft/").content.decode()
    assert "A draft nobody reviewed." in preview
    assert "Medically reviewed by" not in preview
    assert "Not yet medically reviewed" in preview


def test_the_review_line_costs_no_more_queries_reviewed_or_not(
    reviewed, site_admin, queries_to_render, django_assert_max_num_queries
):
    with_review = queries_to_render(reviewed)
    reviewed.save_revision(user=site_admin).publish(user=site_admin)
    assert queries_to_render(reviewed) == with_review
    with django_assert_max_num_queries(with_review):
        Client().get(reviewed.url)


def test_the_demo_loader_invents_no_review():
    call_command("load_demo_content", stdout=io.StringIO())

    assert not Approval.objects.exists()
    live = Page.objects.live().filter(depth__gt=1)
    due = pages_due_for_review()
    assert {page.pk for page in due} == set(live.values_list("pk", flat=True))
    assert {page.review_status for page in due} == {"Not medically reviewed"}
    html = live_html(TreatmentPage.objects.get(slug="plasma-exchange"))
    assert "Not yet medically reviewed" in html
    assert PageLogEntry.objects.filter(action="review.published_without_review").count() >= (
        live.count() - 1  # the home page was made by a migration, not published by the loader
    )
