"""A treatment page (as the review tests have it), and the admin's source URLs (the people in
each editorial role are in tests/conftest.py)."""

import pytest
from django.urls import reverse

from tests.factories import PASSWORD
from tests.review.admin_steps import open_review_screen, sign
from tests.review.conftest import treatment  # noqa: F401 - a fixture shared with the review tests

SOURCE_FIELDS = {
    "title": "Treating relapses: a clinical guideline",
    "authors": "A guideline panel",
    "kind": "guideline",
    "date_published": "",
    "url": "",
    "doi": "",
    "check_interval": "12",
    "status": "current",
    "superseded_by": "",
}


def source_url(action, source=None, *args):
    name = f"wagtailsnippets_sources_source:{action}"
    return reverse(name, args=[source.pk, *args] if source else args)


def source_workflow_action(client, source, action, comment=None, password=PASSWORD):
    """Open a source's review screen, fill it in (signing an approval with ``password``) and
    press its button, as for a page."""
    task_state = source.current_workflow_task_state
    url = source_url("workflow_action", source, action, task_state.pk)
    screen, data = open_review_screen(client, url)
    if data is None:  # the screen only says why not: press the button anyway
        data = {}
    if comment is not None:
        data["comment"] = comment
    sign(screen, data, password)
    return client.post(url, data)


@pytest.fixture
def source_form():
    """What the source form posts, filled in: override fields as keyword arguments."""

    def source_form(**changes):
        return {**SOURCE_FIELDS, **changes}

    return source_form
