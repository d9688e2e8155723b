import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from review.roles import ADMINISTRATORS, REVIEWERS, WRITERS
from tests.factories import (
    GlossaryIndexPageFactory,
    SideEffectIndexPageFactory,
    TreatmentIndexPageFactory,
    UserFactory,
    home_page,
)


@pytest.fixture
def home(db):
    return home_page()


@pytest.fixture
def treatment_index(home):
    return TreatmentIndexPageFactory(parent=home)


@pytest.fixture
def side_effect_index(home):
    return SideEffectIndexPageFactory(parent=home)


@pytest.fixture
def glossary_index(home):
    return GlossaryIndexPageFactory(parent=home)


@pytest.fixture
def read_page(client):
    """Open a page (or a path) as a patient would and return its <main> element, parsed."""

    def read_page(page_or_path, **params):
        path = page_or_path if isinstance(page_or_path, str) else page_or_path.url
        response = client.get(path, params)
        assert response.status_code == 200, f"{path} answered {response.status_code}"
        return BeautifulSoup(response.content, "html.parser").main

    return read_page


@pytest.fixture
def queries_to_render(client):
    """How many database queries one view of a page (or path) costs, caches warmed first."""

    def queries_to_render(page_or_path, **params):
        path = page_or_path if isinstance(page_or_path, str) else page_or_path.url
        client.get(path, params)  # the first view fills per-process caches (content types)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, params)
        assert response.status_code == 200, f"{path} answered {response.status_code}"
        return len(queries)

    return queries_to_render


@pytest.fixture
def without_search_indexing(settings):
    """Pages saved in this test are not added to the search index, which makes bulk set-up
    (hundreds of glossary terms) about a third faster. Only for tests that never search."""
    settings.WAGTAILSEARCH_BACKENDS = {
        name: {**backend, "AUTO_UPDATE": False}
        for name, backend in settings.WAGTAILSEARCH_BACKENDS.items()
    }


# People in each editorial role.


def member_of(*group_names, **attrs):
    user = UserFactory(**attrs)
    user.groups.set(Group.objects.filter(name__in=group_names))
    return user


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
