"""Writers and reviewers see which statements have no source: in the editor and in reports."""

import csv
import datetime
import io
import json

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import TaskState

from sources.models import SourceStatus
from tests.factories import (
    SideEffectPageFactory,
    SourceFactory,
    TreatmentPageFactory,
    TreatmentSideEffectFactory,
    cite,
    safety_warning,
    sources_value,
)
from tests.review.admin_steps import edit_url, follow
from tests.sources.conftest import source_url, source_workflow_action

pytestmark = pytest.mark.django_db


@pytest.fixture
def half_cited(treatment_index, side_effect_index):
    """A live treatment page: some sections cite a live source, some a draft, some nothing."""
    live, draft = SourceFactory(title="Live guideline"), SourceFactory(title="Draft", live=False)
    page = TreatmentPageFactory(
        title="IVIG",
        what_it_is=f"<p>Cited.{cite(live)}</p>",
        how_it_works=f"<p>Cites a draft only.{cite(draft)}</p>",
        how_it_is_given="<p>Cites nothing.</p>",
        who_it_may_suit="",  # empty: not a statement
        regulatory_status_sources=sources_value(live),
        safety_warnings=json.dumps(
            [
                safety_warning("Risk of kidney problems", f"<p>Cited.{cite(live)}</p>"),
                safety_warning("Risk of blood clots", "<p>Cites nothing.</p>"),
            ]
        ),
    )
    TreatmentSideEffectFactory(
        treatment=page,
        side_effect=SideEffectPageFactory(title="Headache"),
        sources=sources_value(live),
    )
    TreatmentSideEffectFactory(treatment=page, side_effect=SideEffectPageFactory(title="Fever"))
    page.save_revision().publish()
    return page


UNCITED = {
    "How it works": "Only unapproved sources: Draft",
    "How it is given": "No source",
    "Safety warning: Risk of blood clots": "No source",
    "Side effect: Fever (common side effects)": "No source",
}
CITED = {
    "What it is",
    "Regulatory status",
    "Safety warning: Risk of kidney problems",
    "Side effect: Headache (common side effects)",
}


def sections_in_editor(html):
    panel = BeautifulSoup(html, "html.parser").select("[data-section]")
    return {item["data-section"]: item["data-has-source"] == "true" for item in panel}


@pytest.mark.parametrize("role", ["writer", "reviewer"])
def test_the_editor_shows_which_sections_have_no_source(client, half_cited, role, request):
    client.force_login(request.getfixturevalue(role))
    html = client.get(edit_url(half_cited)).content.decode()

    assert sections_in_editor(html) == {
        **dict.fromkeys(UNCITED, False),
        **dict.fromkeys(CITED, True),
    }
    soup = BeautifulSoup(html, "html.parser")
    warning = soup.select_one("[data-sources-check=missing]").get_text(" ", strip=True)
    assert warning.startswith("4 of 8 sections have no source.")
    uncited = soup.select("[data-has-source=false]")
    assert all("No source" in item.get_text() for item in uncited)
    assert "not yet approved" in soup.select_one("[data-section='How it works']").get_text()


def test_the_editor_says_when_every_section_has_a_source(client, writer, treatment_index):
    source = SourceFactory()
    page = TreatmentPageFactory(
        what_it_is=f"<p>A.{cite(source)}</p>",
        how_it_works="",
        how_it_is_given="",
        regulatory_status_sources=sources_value(source),
    )
    client.force_login(writer)
    html = client.get(edit_url(page)).content.decode()
    assert sections_in_editor(html) == {"What it is": True, "Regulatory status": True}
    assert "Every section has a source." in html


def report_rows(client):
    response = client.get("/admin/reports/statements-without-a-source/?export=csv")
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_the_report_lists_exactly_the_uncited_sections_of_live_pages(client, reviewer, half_cited):
    TreatmentPageFactory(title="Never published", live=False)
    client.force_login(reviewer)

    rows = report_rows(client)

    # Pages built by the factories have other sections without a source, too.
    ivig = {row["Section"]: row["Problem"] for row in rows if row["Page"] == "IVIG"}
    assert ivig == UNCITED
    assert "Never published" not in {row["Page"] for row in rows}

    html = client.get("/admin/reports/statements-without-a-source/").content.decode()
    assert "Statements without a source" in html
    assert f"/admin/pages/{half_cited.pk}/edit/" in html


def test_citing_a_source_takes_the_section_off_the_report(client, reviewer, half_cited):
    source = SourceFactory()
    half_cited.how_it_is_given = f"<p>Now cited.{cite(source)}</p>"
    half_cited.save_revision().publish()
    client.force_login(reviewer)

    sections = {row["Section"] for row in report_rows(client) if row["Page"] == "IVIG"}
    assert "How it is given" not in sections
    assert "How it works" in sections


def test_anonymous_visitors_and_people_without_a_role_cannot_see_the_reports(client):
    for url in ("/admin/reports/statements-without-a-source/", "/admin/reports/sources-due/"):
        response = client.get(url)
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


def approve_as(client, reviewer, source):
    """The source checked: its latest version submitted and approved by ``reviewer``."""
    client.force_login(reviewer)
    source.save_revision(user=None)
    source.refresh_from_db()
    workflow_state = source.get_workflow().start(source, user=None)
    task_state = workflow_state.current_task_state
    follow(client, source_workflow_action(client, source, "approve"))
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_APPROVED
    return task_state


def test_sources_due_for_checking_are_those_never_or_long_ago_checked(client, reviewer):
    never = SourceFactory(title="Never checked", publish=True)
    recent = SourceFactory(title="Checked today", publish=True)
    approve_as(client, reviewer, recent)
    long_ago = SourceFactory(title="Checked 13 months ago", publish=True)
    TaskState.objects.filter(pk=approve_as(client, reviewer, long_ago).pk).update(
        finished_at=timezone.now() - datetime.timedelta(days=400)
    )
    soon = SourceFactory(title="Checked 11.5 months ago", publish=True)
    TaskState.objects.filter(pk=approve_as(client, reviewer, soon).pk).update(
        finished_at=timezone.now() - datetime.timedelta(days=350)
    )
    often = SourceFactory(title="Checked 4 months ago, every 3 months", check_interval=3)
    often.save_revision().publish()
    TaskState.objects.filter(pk=approve_as(client, reviewer, often).pk).update(
        finished_at=timezone.now() - datetime.timedelta(days=120)
    )
    SourceFactory(title="A draft", live=False)
    SourceFactory(title="Withdrawn", status=SourceStatus.WITHDRAWN, publish=True)

    response = client.get("/admin/reports/sources-due/?export=csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))

    assert [row["Title"] for row in rows] == [
        "Never checked",
        "Checked 13 months ago",
        "Checked 4 months ago, every 3 months",
        "Checked 11.5 months ago",
    ]
    assert rows[0]["Last checked"] == ""
    html = client.get("/admin/reports/sources-due/").content.decode()
    assert source_url("edit", never) in html
    assert "Checked today" not in html
