"""People in each editorial role (as the review tests have them), and the admin's source URLs."""

import pytest
from django.urls import reverse

from tests.review.conftest import (  # noqa: F401 - fixtures shared with the review tests
    other_writer,
    reviewer,
    second_reviewer,
    site_admin,
    treatment,
    writer,
)

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


@pytest.fixture
def source_form():
    """What the source form posts, filled in: override fields as keyword arguments."""

    def source_form(**changes):
        return {**SOURCE_FIELDS, **changes}

    return source_form
