"""The admin screens a writer or reviewer uses, driven through the Django test client.

Each step posts what the real form posts: the edit form is read back from the edit page's HTML.
"""

import json

from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from django.utils.html import strip_tags
from modelcluster.models import get_all_child_relations
from wagtail.fields import StreamField
from wagtail.models import Page, TaskState
from wagtail.test.utils.form_data import querydict_from_html, rich_text

from tests.factories import PASSWORD

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


def new_comment(text, on_field="what_it_is"):
    """The editor's form fields for one new comment on a field, as its comment panel posts them."""
    return {
        "comments-TOTAL_FORMS": "1",
        "comments-INITIAL_FORMS": "0",
        "comments-0-contentpath": on_field,
        "comments-0-text": text,
        "comments-0-position": "",
        "comments-0-id": "",
        "comments-0-resolved": "",
        "comments-0-replies-TOTAL_FORMS": "0",
        "comments-0-replies-INITIAL_FORMS": "0",
    }


def submit(client, page, **changes):
    """Submit the page to the medical review, with a change note for patients unless the
    changes give one (``change_note=""`` for none)."""
    changes.setdefault("change_note", "Updated the page.")
    return edit(client, page, action="action-submit", **changes)


def current_task_state(page):
    return TaskState.objects.get(
        workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS
    )


def workflow_action_url(page, action, name="workflow_action"):
    return reverse(
        f"wagtailadmin_pages:{name}", args=[page.pk, action, current_task_state(page).pk]
    )


def open_review_screen(client, url):
    """Open the approve / send back screen as the browser does: its answer (JSON with the
    screen's HTML) and its form's data, or None when the screen only says why not."""
    response = client.get(url, headers={"X-Requested-With": "XMLHttpRequest"})
    assert response.status_code == 200, response.status_code
    screen = response.json()
    has_form = "<form" in screen.get("html", "")
    return screen, querydict_from_html(screen["html"]).copy() if has_form else None


def sign(screen, data, password, sources_checked=True) -> None:
    """Fill in the approval: the sources checked (where it asks) and the password."""
    if "password" in data:
        data["password"] = password
    if sources_checked and 'name="sources_checked"' in screen.get("html", ""):
        data["sources_checked"] = "on"


def workflow_action(
    client, page, action, comment=None, xhr=False, password=PASSWORD, sources_checked=True
):
    """Open the review screen (from the dashboard), fill it in and press its button."""
    url = workflow_action_url(page, action)
    screen, data = open_review_screen(client, url)
    if comment is not None:
        data["comment"] = comment
    sign(screen, data, password, sources_checked)
    headers = {"X-Requested-With": "XMLHttpRequest"} if xhr else {}
    return client.post(url, data, headers=headers)


def workflow_action_from_editor(client, page, action, password=PASSWORD, **changes):
    """In the page editor, choose a review action: its screen checks the decision and hands
    it back to the editor, which posts the whole form with it, as the editor's script does.
    Returns the screen's answer instead when the screen refuses."""
    _, form = open_editor(client, page)
    url = workflow_action_url(page, action, name="collect_workflow_action_data")
    screen, data = open_review_screen(client, url)
    if data is None:
        return screen
    sign(screen, data, password)
    if "comment" in changes:
        data["comment"] = changes.pop("comment")
    checked = client.post(url, data, headers={"X-Requested-With": "XMLHttpRequest"}).json()
    if checked["step"] != "success":
        return checked
    return save(
        client,
        page,
        form,
        action="action-workflow-action",
        **{
            "workflow-action-name": action,
            "workflow-action-extra-data": json.dumps(checked["cleaned_data"]),
        },
        **changes,
    )


def messages_of(response):
    """The messages the admin shows after a request, as the person reads them (without the
    buttons that come with some of them)."""
    texts = []
    for message in response.wsgi_request._messages:
        soup = BeautifulSoup(str(message), "html.parser")
        for buttons in soup.select(".buttons"):
            buttons.decompose()
        texts.append(" ".join(soup.get_text().split()))
    return texts


def follow(client, response):
    """Go where the admin sends the person next, so they see its messages (as a browser does)."""
    assert response.status_code == 302, response.status_code
    return client.get(response.url)


def live_html(page):
    """The text of the page as a patient (an anonymous visitor) sees it."""
    response = Client().get(Page.objects.get(pk=page.pk).url)
    assert response.status_code == 200
    return " ".join(strip_tags(response.content.decode()).split())
