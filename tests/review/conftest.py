"""People in each editorial role, and a live treatment page for them to work on."""

import pytest

from review.roles import ADMINISTRATORS, REVIEWERS, WRITERS
from tests.factories import TreatmentPageFactory, member_of


@pytest.fixture
def writer(db):
    return member_of(WRITERS, username="wendy", first_name="Wendy", last_name="Writer")


@pytest.fixture
def other_writer(db):
    return member_of(WRITERS, username="walt", first_name="Walt", last_name="Wordsmith")


@pytest.fixture
def reviewer(db):
    return member_of(REVIEWERS, username="riley", first_name="Riley", last_name="Reviewer")


@pytest.fixture
def second_reviewer(db):
    return member_of(REVIEWERS, username="sam", first_name="Sam", last_name="Second")


@pytest.fixture
def writing_reviewer(db):
    """A reviewer who also writes: in both groups."""
    return member_of(WRITERS, REVIEWERS, username="bo", first_name="Bo", last_name="Both")


@pytest.fixture
def site_admin(db):
    return member_of(ADMINISTRATORS, username="ada", is_superuser=True)


@pytest.fixture
def treatment(db):
    """A live treatment page, published once before the story starts."""
    page = TreatmentPageFactory(
        title="Plasma exchange", slug="plasma-exchange", what_it_is="<p>Original text.</p>"
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page
