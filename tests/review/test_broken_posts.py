"""A damaged or hand-made post to the admin is refused clearly and changes nothing; a real
bug is still a server error that the logs see."""

import json
import logging

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text

from tests.review.admin_steps import edit_url, open_editor, submit

pytestmark = pytest.mark.django_db


def without(data, *names):
    return {name: value for name, value in data.items() if name not in names}


def contentstate(text, entity_ranges=(), entity_map=None, **block):
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a1b2c",
                    "type": "unstyled",
                    "depth": 0,
                    "text": text,
                    "inlineStyleRanges": [],
                    "entityRanges": list(entity_ranges),
                    **block,
                }
            ],
            "entityMap": entity_map or {},
        }
    )


LINK = {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "https://example.org"}}

DAMAGED_POSTS = {
    "nothing at all": lambda data: {},
    "a block count missing": lambda data: without(data, "safety_warnings-count"),
    "a block count that is not a number": lambda data: {**data, "safety_warnings-count": "x"},
    "a block count larger than the blocks sent": lambda data: {
        **data,
        "safety_warnings-count": "999999999",
    },
    "a block without its fields": lambda data: {
        **data,
        "safety_warnings-count": "1",
        "safety_warnings-0-type": "warning",
        "safety_warnings-0-deleted": "",
        "safety_warnings-0-order": "0",
    },
    "rich text that is not the editor's data": lambda data: {**data, "what_it_is": "{not json"},
    "rich text data of the wrong shape": lambda data: {**data, "what_it_is": '{"blocks": 5}'},
    "rich text that is a list": lambda data: {**data, "what_it_is": "[]"},
    "rich text with a block that is a number": lambda data: {
        **data,
        "what_it_is": '{"blocks": [5], "entityMap": {}}',
    },
    "a link range pointing at no link": lambda data: {
        **data,
        "what_it_is": contentstate("Read this", [{"offset": 0, "length": 4, "key": 7}]),
    },
    "a link range past the end of the text": lambda data: {
        **data,
        "what_it_is": contentstate("Read", [{"offset": 2, "length": 40, "key": 0}], {"0": LINK}),
    },
    "a negative list depth": lambda data: {
        **data,
        "what_it_is": contentstate("Item", type="unordered-list-item", depth=-5),
    },
    "a link without its data": lambda data: {
        **data,
        "what_it_is": contentstate(
            "Read", [{"offset": 0, "length": 4, "key": 0}], {"0": {"type": "LINK"}}
        ),
    },
    "deeply nested JSON": lambda data: {**data, "what_it_is": "[" * 50_000 + "]" * 50_000},
}


@pytest.mark.parametrize("damage", DAMAGED_POSTS)
def test_a_damaged_post_gets_bad_request_and_saves_nothing(client, writer, treatment, damage):
    client.force_login(writer)
    _, form = open_editor(client, treatment)
    data = {name: form.getlist(name) for name in form}
    revisions = treatment.revisions.count()

    response = client.post(edit_url(treatment), DAMAGED_POSTS[damage](data))

    assert response.status_code == 400
    assert "nothing was saved" in response.content.decode()
    assert treatment.revisions.count() == revisions
    treatment.refresh_from_db()
    assert not treatment.has_unpublished_changes


def test_a_lone_surrogate_escape_is_refused_not_stored(client, writer, treatment):
    """The JSON escape \\ud800 decodes to a character PostgreSQL cannot store."""
    client.force_login(writer)
    _, form = open_editor(client, treatment)
    data = {name: form.getlist(name) for name in form}
    data["what_it_is"] = contentstate("x").replace('"x"', '"\\ud800"')
    assert "\\ud800" in data["what_it_is"]

    response = client.post(edit_url(treatment), data)

    assert response.status_code == 400
    assert treatment.revisions.count() == 1


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("routes", ["by_teleport"], "Select a valid choice"),
        ("go_live_at", "9999-12-31 23:59", "Enter a date between the years 1 and 9999"),
        ("expire_at", "9999-12-31 23:59", "Enter a date between the years 1 and 9999"),
        ("side_effect_links-0-side_effect", "nausea", "Select a valid choice"),
    ],
)
def test_an_invalid_value_gets_a_message_and_keeps_what_the_writer_typed(
    client, writer, treatment, field, value, message
):
    client.force_login(writer)
    _, form = open_editor(client, treatment)
    data = {name: form.getlist(name) for name in form}
    data["summary"] = "A summary the writer just wrote."
    if field.startswith("side_effect_links"):
        data["side_effect_links-TOTAL_FORMS"] = "1"
        data["side_effect_links-0-classification"] = "common"
        data["side_effect_links-0-sources-count"] = "0"  # as the editor posts a new link
    data[field] = value

    response = client.post(edit_url(treatment), data)

    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "A summary the writer just wrote." in html
    assert treatment.revisions.count() == 1


@pytest.mark.parametrize(
    "extra_data",
    ["{not json", "[1, 2]", '{"comment": {"nested": "object"}}', '{"unexpected": "field"}'],
)
def test_a_damaged_approval_from_the_editor_saves_and_decides_nothing(
    client, writer, reviewer, treatment, extra_data
):
    client.force_login(writer)
    submit(client, treatment, summary="Changed by the writer.")
    revisions = treatment.revisions.count()
    client.force_login(reviewer)
    _, form = open_editor(client, treatment)
    data = {name: form.getlist(name) for name in form}
    data["summary"] = "A reviewer's own edit."
    data["action-workflow-action"] = "1"
    data["workflow-action-name"] = "approve"
    data["workflow-action-extra-data"] = extra_data

    response = client.post(edit_url(treatment), data)

    assert response.status_code == 200
    assert "The review action arrived damaged" in response.content.decode()
    assert treatment.revisions.count() == revisions
    treatment.refresh_from_db()
    assert treatment.workflow_in_progress
    assert treatment.summary != "A reviewer's own edit."


@pytest.mark.parametrize(
    "path",
    [
        "/admin/api/main/pages/?offset=100000000000000000000",
        "/admin/api/main/pages/?offset=1e20",
        "/admin/api/main/pages/?search=a%00b",
        "/admin/bulk/wagtailcore/page/delete/?id=abc",
        "/admin/bulk/wagtailcore/page/move/?id=1&id=abc",
        "/admin/bulk/users/user/delete/?id=abc",
    ],
)
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_damaged_query_parameter_gets_bad_request(client, site_admin, treatment, path, method):
    client.force_login(site_admin)
    response = getattr(client, method)(path)
    assert response.status_code in {400, 405}
    if method == "get":
        assert response.status_code == 400
    assert treatment.revisions.count() == 1


def test_a_real_bug_after_saving_is_a_server_error_in_the_log(
    client, writer, treatment, monkeypatch, caplog
):
    """A hook that fails after the save is not the post's fault: no "nothing was saved"."""

    def broken(page):
        raise ValueError("a bug in the reading grade")

    client.force_login(writer)
    client.raise_request_exception = False
    _, form = open_editor(client, treatment)
    data = {name: form.getlist(name) for name in form}
    data["summary"] = "A new summary."
    monkeypatch.setattr("core.readability.assess", broken)

    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = client.post(edit_url(treatment), data)

    assert response.status_code == 500
    assert "nothing was saved" not in response.content.decode()
    [record] = [r for r in caplog.records if r.name == "django.request"]
    assert record.levelno == logging.ERROR
    assert record.exc_info[1].args == ("a bug in the reading grade",)
    assert treatment.revisions.count() == 2


def test_script_typed_into_the_editor_reaches_patients_as_text(client, site_admin, treatment):
    client.force_login(site_admin)
    _, form = open_editor(client, treatment)
    data = {name: form.getlist(name) for name in form}
    data["summary"] = "<script>alert('hi')</script> Plain words."
    data["what_it_is"] = rich_text('<p>Still <a href="javascript:alert(1)">plain</a> words.</p>')
    data["action-publish"] = "1"

    client.post(edit_url(treatment), data)

    html = Client().get(treatment.url).content.decode()
    main = BeautifulSoup(html, "html.parser").main
    assert "<script>alert('hi')</script> Plain words." in main.get_text()
    assert "Still plain words." in " ".join(main.get_text().split())
    assert main.find("script") is None
    assert "javascript:" not in html


def test_the_bulk_action_check_lets_real_selections_through(client, site_admin, treatment):
    client.force_login(site_admin)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "unpublish"])
    response = client.get(f"{url}?id={treatment.pk}")
    assert response.status_code == 200
    assert treatment.title in response.content.decode()
