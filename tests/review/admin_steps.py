"""The admin screens a writer or reviewer uses, driven through the Django test client.

Each step posts what the real form posts: the edit form is read back from the edit page's HTML.
"""

import json

from django.test import Client
from django.urls import reverse
from django.utils.html import strip_tags
from modelcluster.models import get_all_child_relations
from wagtail.fields import StreamField
from wagtail.models import Page, TaskState
from wagtail.test.utils.form_data import querydict_from_html, rich_text

RICH_TEXT_FIELDS = {"what_it_is", "how_it_works", "how_it_is_given", "who_it_may_suit"}


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def open_editor(client, page):
    """The page's editor: its HTML and the form data it would post unchanged."""
    form_page = client.get(edit_url(page))
    assert form_page.status_code == 200, form_page.status_code
    html = form_page.content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    # StreamFields (safety warnings, questions to ask, the sources of a fact or of each
    # side-effect link) are built by JavaScript; these pages have nothing in them.
    specific = Page.objects.get(pk=page.pk).specific
    for prefix, instance in [("", specific), *related_items(specific)]:
        for field in instance._meta.get_fields():
            if isinstance(field, StreamField):
                assert not getattr(instance, field.name), f"{prefix}{field.name}"
                data[f"{prefix}{field.name}-count"] = "0"
    return html, data


def related_items(page):
    """Each item of the page's inline panels (side-effect links), with its form prefix."""
    for relation in get_all_child_relations(page):
        name = relation.get_accessor_name()
        for index, item in enumerate(getattr(page, name).all()):
            yield f"{name}-{index}-", item


def edit(client, page, action=None, **changes):
    """Open the page's editor, change fields, and press save (or another action button)."""
    _, data = open_editor(client, page)
    return save(client, page, data, action, **changes)


def save(client, page, data, action=None, **changes):
    """Change fields in an open editor's form and press save (or another action button)."""
    data = data.copy()
    for name, value in changes.items():
        data[name] = rich_text(value) if name in RICH_TEXT_FIELDS else value
    if action:
        data[action] = "1"
    return client.post(edit_url(page), data)


def submit(client, page, **changes):
    return edit(client, page, action="action-submit", **changes)


def current_task_state(page):
    return TaskState.objects.get(
        workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS
    )


def workflow_action(client, page, action, comment=None, xhr=False):
    """Press Approve / Request changes in the workflow action modal (or its plain form)."""
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, action, current_task_state(page).pk],
    )
    data = {} if comment is None else {"comment": comment}
    headers = {"X-Requested-With": "XMLHttpRequest"} if xhr else {}
    return client.post(url, data, headers=headers)


def workflow_action_from_editor(client, page, action, **extra_data):
    """Press a workflow action in the page editor's action menu, as the editor's JS posts it."""
    return edit(
        client,
        page,
        action="action-workflow-action",
        **{
            "workflow-action-name": action,
            "workflow-action-extra-data": json.dumps(extra_data),
        },
    )


def messages_of(response):
    return [str(message) for message in response.wsgi_request._messages]


def live_html(page):
    """The text of the page as a patient (an anonymous visitor) sees it."""
    response = Client().get(Page.objects.get(pk=page.pk).url)
    assert response.status_code == 200
    return " ".join(strip_tags(response.content.decode()).split())
