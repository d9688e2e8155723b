"""Hostile input never reaches a 500, and a refusal stores nothing.

Hypothesis (derandomised, so every run sends the same requests) posts damaged and hostile
data through every door an editor has: the page editor (edit and create), the workflow
actions, bulk actions and the admin API, for each role. Every answer must be below 500, and
an answer that refuses (a 400, or the form shown again with errors) must store no revision.
"""

import json
from collections import Counter

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Page, Revision
from wagtail.test.utils.form_data import querydict_from_html

from tests.review.admin_steps import current_task_state, edit_url, open_editor, submit

pytestmark = pytest.mark.django_db

ROLES = ["writer", "reviewer", "site_admin", "anonymous"]
EDITOR_ROLES = ["writer", "reviewer", "site_admin"]

FUZZ = settings(
    derandomize=True,
    deadline=None,
    max_examples=20,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)

SPECIAL_VALUES = [
    "",
    " ",
    "0",
    "-1",
    "1e20",
    "99999999999999999999",
    "abc",
    "\x00",
    "a\x00b",
    "null",
    "[]",
    "{}",
    "{bad",
    "[" * 5000 + "]" * 5000,
    '"\\ud800"',
    "9999-12-31 23:59",
    "0001-01-01 00:00",
    "2026-02-30",
    "<script>alert(1)</script>",
    "javascript:alert(1)",
    "all",
    "../../etc/passwd",
]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=8,
)

# Text as Draft.js might carry it, including a lone surrogate (only JSON can carry one).
draft_text = st.one_of(st.text(max_size=20), st.sampled_from(["\ud800", "a\udfffb", "😀 x"]))
spans = st.fixed_dictionaries(
    {"offset": st.integers(-3, 30), "length": st.integers(-3, 30)},
    optional={"style": st.sampled_from(["BOLD", "ITALIC", "NOPE", 3]), "key": st.integers(-1, 3)},
)
contentstates = st.fixed_dictionaries(
    {
        "blocks": st.lists(
            st.fixed_dictionaries(
                {"text": draft_text},
                optional={
                    "key": st.text(max_size=5),
                    "type": st.sampled_from(
                        ["unstyled", "header-two", "unordered-list-item", "atomic", "nope"]
                    ),
                    "depth": st.integers(-3, 9),
                    "inlineStyleRanges": st.lists(spans, max_size=2),
                    "entityRanges": st.lists(spans, max_size=2),
                    "data": json_values,
                },
            ),
            max_size=3,
        )
    },
    optional={
        "entityMap": st.dictionaries(
            st.sampled_from(["0", "1", "2"]),
            st.fixed_dictionaries(
                {},
                optional={
                    "type": st.sampled_from(["LINK", "DOCUMENT", "IMAGE", "EMBED", "NOPE"]),
                    "mutability": st.just("MUTABLE"),
                    "data": st.dictionaries(
                        st.sampled_from(["url", "id", "href", "alt", "format"]),
                        st.one_of(st.text(max_size=10), st.integers()),
                        max_size=2,
                    ),
                },
            ),
            max_size=2,
        )
    },
).map(json.dumps)

hostile_text = st.one_of(
    st.sampled_from(SPECIAL_VALUES),
    st.text(max_size=30),
    json_values.map(json.dumps),
    contentstates,
)

# Fields the editor's JavaScript adds to a post, beyond what the HTML form holds.
SCRIPTED_FIELDS = [
    "action-publish",
    "action-submit",
    "action-workflow-action",
    "action-cancel-workflow",
    "workflow-action-name",
    "workflow-action-extra-data",
    "safety_warnings-count",
    "safety_warnings-0-type",
    "safety_warnings-0-deleted",
    "safety_warnings-0-order",
    "safety_warnings-0-value-heading",
    "safety_warnings-0-value-body",
    "safety_warnings-0-value-most_at_risk-count",
    "questions_to_ask-count",
    "questions_to_ask-0-type",
    "questions_to_ask-0-deleted",
    "questions_to_ask-0-order",
    "questions_to_ask-0-value",
    "side_effect_links-TOTAL_FORMS",
    "side_effect_links-0-side_effect",
    "side_effect_links-0-classification",
    "comments-TOTAL_FORMS",
    "comments-0-contentpath",
    "comments-0-text",
    "comments-0-position",
]


@pytest.fixture(scope="module")
def answers():
    """Every answer the fuzzing got, by status class; summarised at the end of the module."""
    counts = Counter()
    yield counts
    print(  # the figures the issue asks for, shown with pytest -s
        f"\nFuzz requests sent: {counts.total()}; "
        + ", ".join(f"{status}: {count}" for status, count in sorted(counts.items()))
    )


def client_as(request, role) -> Client:
    client = Client()
    client.raise_request_exception = False  # a 500 is counted and asserted on, not raised
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    return client


def check(response, answers, revisions_before=None):
    answers[f"{response.status_code // 100}xx"] += 1
    assert response.status_code < 500, response.content[:500]
    refused = response.status_code >= 400 or response.status_code == 200
    if revisions_before is not None and refused:
        assert Revision.objects.count() == revisions_before


def mutated(data, base: dict, names: list[str]) -> dict:
    post = dict(base)
    for _ in range(data.draw(st.integers(1, 4), label="changes")):
        name = data.draw(st.sampled_from(names), label="field")
        if data.draw(st.integers(0, 5), label="remove?") == 0:
            post.pop(name, None)
        else:
            post[name] = data.draw(hostile_text, label=name)
    return post


@pytest.mark.parametrize("role", EDITOR_ROLES)
def test_hostile_edits_never_reach_a_server_error(request, treatment, role, answers):
    client = client_as(request, role)
    _, form = open_editor(client, treatment)
    base = {name: form.getlist(name) for name in form}
    names = sorted(set(base) | set(SCRIPTED_FIELDS))

    @FUZZ
    @given(st.data())
    def post_hostile_edit(data):
        before = Revision.objects.count()
        response = client.post(edit_url(treatment), mutated(data, base, names))
        check(response, answers, before)

    post_hostile_edit()


@pytest.mark.parametrize("role", ["writer", "site_admin"])
def test_hostile_new_pages_never_reach_a_server_error(request, treatment, role, answers):
    client = client_as(request, role)
    parent = treatment.get_parent()
    url = reverse("wagtailadmin_pages:add", args=["treatments", "treatmentpage", parent.pk])
    form = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    base = {name: form.getlist(name) for name in form}
    base.update({"title": "A new treatment", "slug": "a-new-treatment", "summary": "New."})
    names = sorted(set(base) | set(SCRIPTED_FIELDS))

    @FUZZ
    @given(st.data())
    def post_hostile_page(data):
        before = Revision.objects.count()
        pages = Page.objects.count()
        response = client.post(url, mutated(data, base, names))
        check(response, answers, before)
        if response.status_code != 302:
            assert Page.objects.count() == pages

    post_hostile_page()


@pytest.mark.parametrize("role", ROLES)
def test_hostile_workflow_actions_never_reach_a_server_error(
    request, client, writer, treatment, role, answers
):
    client.force_login(writer)
    submit(client, treatment, summary="Changed for review.")
    task_state = current_task_state(treatment)
    actor = client_as(request, role)

    @FUZZ
    @given(
        action=st.sampled_from(["approve", "reject", "nope", ""]),
        fields=st.dictionaries(
            st.sampled_from(["comment", "extra", "csrfmiddlewaretoken", "next"]),
            hostile_text,
            max_size=3,
        ),
        xhr=st.booleans(),
    )
    def post_hostile_action(action, fields, xhr):
        before = Revision.objects.count()
        url = f"/admin/pages/{treatment.pk}/workflow/action/{action}/{task_state.pk}/"
        headers = {"X-Requested-With": "XMLHttpRequest"} if xhr else {}
        response = actor.post(url, fields, headers=headers)
        check(response, answers)
        assert Revision.objects.count() == before  # deciding never writes a new revision

    post_hostile_action()


@pytest.mark.parametrize("role", ROLES)
def test_hostile_bulk_actions_never_reach_a_server_error(request, treatment, role, answers):
    client = client_as(request, role)

    @FUZZ
    @given(
        action=st.sampled_from(["delete", "move", "publish", "unpublish", "nope"]),
        model=st.sampled_from(["wagtailcore/page", "users/user", "wagtailimages/image"]),
        ids=st.lists(hostile_text, min_size=1, max_size=3),
        extra=st.dictionaries(
            st.sampled_from(["childOf", "next", "p", "q"]), hostile_text, max_size=2
        ),
        form=st.dictionaries(st.sampled_from(["chooser", "include_descendants"]), hostile_text),
        method=st.sampled_from(["get", "post"]),
    )
    def send_hostile_bulk_action(action, model, ids, extra, form, method):
        before = Revision.objects.count()
        url = reverse("wagtail_bulk_action", args=[*model.split("/"), action])
        query = "&".join(
            f"{name}={value}"
            for name, value in [*(("id", i) for i in ids), *extra.items()]
            if "\x00" not in value
        )
        response = getattr(client, method)(f"{url}?{query}", form if method == "post" else None)
        check(response, answers, before)

    send_hostile_bulk_action()


API_PARAMETERS = [
    "offset",
    "limit",
    "child_of",
    "descendant_of",
    "ancestor_of",
    "search",
    "search_operator",
    "order",
    "type",
    "fields",
    "id",
    "has_children",
    "locale",
    "translation_of",
    "slug",
    "title",
    "show_in_menus",
    "for_explorer",
]


@pytest.mark.parametrize("role", ROLES)
def test_hostile_admin_api_requests_never_reach_a_server_error(request, treatment, role, answers):
    client = client_as(request, role)

    @FUZZ
    @given(
        parameters=st.dictionaries(st.sampled_from(API_PARAMETERS), hostile_text, max_size=4),
        action=st.sampled_from(
            ["copy", "move", "publish", "unpublish", "revert_to_page_revision", "nope"]
        ),
        body=json_values,
        target=st.sampled_from(["listing", "detail", "action"]),
    )
    def send_hostile_api_request(parameters, action, body, target):
        before = Revision.objects.count()
        if target == "listing":
            response = client.get("/admin/api/main/pages/", parameters)
        elif target == "detail":
            response = client.get(f"/admin/api/main/pages/{treatment.pk}/", parameters)
        else:
            response = client.post(
                f"/admin/api/main/pages/{treatment.pk}/action/{action}/",
                json.dumps(body),
                content_type="application/json",
            )
        check(response, answers, before if response.status_code >= 400 else None)

    send_hostile_api_request()
