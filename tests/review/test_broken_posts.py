"""A damaged or hand-made post to the page editor is refused clearly and changes nothing."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from wagtail.test.utils.form_data import rich_text

from tests.review.admin_steps import edit_url, open_editor

pytestmark = pytest.mark.django_db


def without(data, *names):
    return {name: value for name, value in data.items() if name not in names}


DAMAGED_POSTS = {
    "nothing at all": lambda data: {},
    "a block count missing": lambda data: without(data, "safety_warnings-count"),
    "a block count that is not a number": lambda data: {**data, "safety_warnings-count": "x"},
    "a block count larger than the blocks sent": lambda data: {
        **data,
        "safety_warnings-count": "999999999",
    },
    "rich text that is not the editor's data": lambda data: {**data, "what_it_is": "{not json"},
    "rich text data of the wrong shape": lambda data: {**data, "what_it_is": '{"blocks": 5}'},
    "a side effect that is not an id": lambda data: {
        **data,
        "side_effect_links-TOTAL_FORMS": "1",
        "side_effect_links-0-side_effect": "nausea",
        "side_effect_links-0-classification": "common",
    },
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


def test_an_invalid_choice_gets_a_message_and_keeps_what_the_writer_typed(
    client, writer, treatment
):
    client.force_login(writer)
    _, form = open_editor(client, treatment)
    data = {name: form.getlist(name) for name in form}
    data["summary"] = "A summary the writer just wrote."
    data["routes"] = ["by_teleport"]

    response = client.post(edit_url(treatment), data)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Select a valid choice" in html
    assert "A summary the writer just wrote." in html
    assert treatment.revisions.count() == 1


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
