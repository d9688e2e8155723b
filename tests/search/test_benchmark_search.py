"""`manage.py benchmark_search` times search with many pages, then leaves the database as it was."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page

from search.models import KnownName

pytestmark = pytest.mark.django_db


def test_search_is_timed_with_throwaway_pages_that_are_rolled_back(home):
    pages_before, names_before = Page.objects.count(), KnownName.objects.count()
    output = StringIO()

    call_command("benchmark_search", "--pages", "20", "--repeat", "3", stdout=output)

    lines = output.getvalue().splitlines()
    assert lines[0] == "Adding 20 pages (rolled back at the end)..."
    assert lines[1].startswith("Search with 20 pages")
    rows = {line[:26].strip(): line[26:].split() for line in lines[2:]}
    assert list(rows) == [
        "Search, a known word",
        "Search, misspelt",
        "Search, nothing near",
        "Suggestions",
    ]
    for requests, median, p95, queries in rows.values():
        assert int(requests) == 3
        assert 0 < float(median) <= float(p95)
        assert int(queries) > 0
    assert (Page.objects.count(), KnownName.objects.count()) == (pages_before, names_before)
