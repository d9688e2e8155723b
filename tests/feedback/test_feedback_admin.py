"""Writers, reviewers and administrators read readers' feedback in the admin: a report across
pages with a CSV export, every comment, and a panel in each page's editor. Nobody else can."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.test import Client
from wagtail.models import GroupPagePermission

from feedback.models import Feedback
from review.roles import ADMINISTRATORS
from tests.factories import SideEffectPageFactory, TreatmentPageFactory, UserFactory, member_of
from tests.review.admin_steps import edit_url, submit

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/feedback/"
COMMENTS = "/admin/reports/feedback/comments/"


@pytest.fixture
def answered(treatment_index, side_effect_index):
    """Two pages with answers: plasma exchange (3 helpful of 4) and nausea (0 of 1)."""
    plasma_exchange = TreatmentPageFactory(title="Plasma exchange")
    nausea = SideEffectPageFactory(title="Nausea")
    for helpful, comment in [
        (True, ""),
        (True, "Clear, thank you."),
        (True, ""),
        (False, "Which hospital does this?"),
    ]:
        Feedback.objects.create(page=plasma_exchange, helpful=helpful, comment=comment)
    Feedback.objects.create(page=nausea, helpful=False, comment="Too short.")
    return plasma_exchange, nausea


def exported(client, url, **filters):
    response = client.get(url, {**filters, "export": "csv"})
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


@pytest.fixture
def administrator(db):
    """A site administrator who is not a superuser: the group's own permissions only."""
    return member_of(ADMINISTRATORS, username="abe")


@pytest.mark.parametrize("role", ["writer", "reviewer", "administrator", "site_admin"])
def test_each_editorial_role_reads_the_report_least_helpful_first(request, client, answered, role):
    client.force_login(request.getfixturevalue(role))
    assert shows_feedback_in_the_menu(client)

    main = BeautifulSoup(client.get(REPORT).content, "html.parser").main
    rows = [
        [cell.get_text(" ", strip=True) for cell in row.find_all("td")]
        for row in main.select("table.listing tbody tr")
    ]

    assert [row[:6] for row in rows] == [
        ["Nausea", "1", "0", "1", "0%", "1 comment"],
        ["Plasma exchange", "4", "3", "1", "75%", "2 comments"],
    ]


def test_the_report_exports_its_counts_to_csv(client, writer, answered):
    plasma_exchange, nausea = answered
    client.force_login(writer)

    rows = exported(client, REPORT)

    columns = ["Page ID", "Page", "Answers", "Helpful", "Not helpful", "Helpful (%)", "Comments"]
    assert [tuple(row[column] for column in columns) for row in rows] == [
        (str(nausea.pk), "Nausea", "1", "0", "1", "0", "1"),
        (str(plasma_exchange.pk), "Plasma exchange", "4", "3", "1", "75", "2"),
    ]
    assert all(row["Latest answer"] for row in rows)


def test_the_comments_of_one_page_are_read_and_exported(client, reviewer, answered):
    plasma_exchange, _ = answered
    client.force_login(reviewer)

    html = client.get(COMMENTS, {"page": plasma_exchange.pk}).content.decode()
    rows = exported(client, COMMENTS, page=plasma_exchange.pk)

    assert "Which hospital does this?" in html
    assert "Too short." not in html
    assert sorted((row["Page"], row["Found it helpful"], row["Comment"]) for row in rows) == [
        ("Plasma exchange", "No", "Which hospital does this?"),
        ("Plasma exchange", "Yes", "Clear, thank you."),
    ]


def test_the_editor_shows_writers_the_pages_feedback(client, writer, answered):
    plasma_exchange, _ = answered
    client.force_login(writer)

    panel = feedback_panel(client, plasma_exchange)

    assert "75% found this page helpful: 3 of 4 answers" in panel
    assert "“Which hospital does this?” (did not find it helpful" in panel
    assert "“Too short.”" not in panel, "another page's comment"


def test_a_reviewer_sees_the_feedback_while_reviewing_the_page(client, writer, reviewer, answered):
    plasma_exchange, _ = answered
    plasma_exchange.save_revision().publish()
    client.force_login(writer)
    submit(client, plasma_exchange, what_it_is="<p>Clearer words.</p>")

    client.force_login(reviewer)
    panel = feedback_panel(client, plasma_exchange)

    assert "3 of 4 answers" in panel
    assert "“Clear, thank you.”" in panel


def test_a_page_without_answers_says_so_in_its_editor(client, writer, treatment_index):
    client.force_login(writer)

    assert "No reader has answered" in feedback_panel(client, TreatmentPageFactory())


def feedback_panel(client, page) -> str:
    response = client.get(edit_url(page))
    assert response.status_code == 200
    section = BeautifulSoup(response.content, "html.parser").find(
        "section", attrs={"aria-labelledby": lambda value: value and "readers_feedback" in value}
    )
    assert section is not None, "no Readers' feedback panel"
    return " ".join(section.get_text().split())


def shows_feedback_in_the_menu(client) -> bool:
    return '"name": "readers-feedback"' in client.get("/admin/").content.decode()


@pytest.fixture
def editor_without_feedback_rights(home):
    """Someone who may edit pages in the admin, but was not given feedback to read."""
    group = Group.objects.create(name="Page editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=home, permission=Permission.objects.get(codename="change_page")
    )
    user = UserFactory()
    user.groups.set([group])
    return user


def test_people_without_the_right_cannot_read_feedback(editor_without_feedback_rights, answered):
    plasma_exchange, _ = answered
    client = Client()
    client.force_login(editor_without_feedback_rights)

    for url in (REPORT, f"{REPORT}?export=csv", COMMENTS, f"{COMMENTS}?export=csv"):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert b"Which hospital" not in response.content
    editor = client.get(edit_url(plasma_exchange)).content.decode()
    assert editor.count("Plasma exchange") > 0, "they can edit the page"
    assert "found this page helpful" not in editor
    assert not shows_feedback_in_the_menu(client)


def test_patients_cannot_read_feedback(client, answered):
    for url in (REPORT, f"{REPORT}?export=csv", COMMENTS, f"{COMMENTS}?export=csv"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/login/")
