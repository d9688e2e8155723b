import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from review.roles import ADMINISTRATORS, REVIEWERS, WRITERS
from tests.factories import (
    GlossaryIndexPageFactory,
    SideEffectIndexPageFactory,
    TreatmentIndexPageFactory,
    home_page,
    member_of,
)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database as the migrations left it, serialized once for tests that flush it.

    Data migrations make what the site cannot run without (the home page and site, the editorial
    groups and the review workflow). Tests that commit for real (the browser tests) flush the
    database afterwards; they load this copy first (see ``migrated_rows``).
    """
    with django_db_blocker.unblock():
        return connection.creation.serialize_db_to_string()


@pytest.fixture
def migrated_rows(django_db_setup, transactional_db):
    """A database that commits for real, holding exactly the rows the data migrations make.

    An earlier test's flush re-created content types and permissions under new ids, so the
    database is emptied first. Content types go in before anything else is even built: a page
    or task being built looks its own up, and would otherwise create it under a new id.
    """
    call_command(
        "flush", interactive=False, inhibit_post_migrate=True, reset_sequences=False, verbosity=0
    )
    ContentType.objects.clear_cache()
    rows = json.loads(django_db_setup)
    content_types = [row for row in rows if row["model"] == "contenttypes.contenttype"]
    others = [row for row in rows if row["model"] != "contenttypes.contenttype"]
    with transaction.atomic(), connection.constraint_checks_disabled():
        for batch in (content_types, others):
            for row in serializers.deserialize("python", batch):
                row.save()
    connection.check_constraints()


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: no menu or glossary terms from another test."""
    cache.clear()


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
