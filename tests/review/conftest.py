"""A live treatment page for the people in each editorial role (tests/conftest.py) to work on."""

import pytest

from tests.factories import TreatmentPageFactory


@pytest.fixture
def treatment(db):
    """A live treatment page, published once before the story starts."""
    page = TreatmentPageFactory(
        title="Plasma exchange", slug="plasma-exchange", what_it_is="<p>Original text.</p>"
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page
