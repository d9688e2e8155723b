"""On the demo site, the misspellings patients make find the pages they mean."""

from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from tests.search.test_search import found

pytestmark = pytest.mark.django_db


def test_patients_misspellings_find_the_pages_they_mean(client):
    call_command("load_demo_content", stdout=StringIO())

    def titles(query):
        response = client.get("/search/", {"query": query})
        return [title for title, _ in found(BeautifulSoup(response.content, "html.parser").main)]

    assert titles("steriods")[0] == "IV and oral steroids"
    assert titles("plasmaferesis")[0] == "Plasma exchange"
    assert titles("IVIg")[0] == "IVIG (intravenous immunoglobulin G)"
    kidney = titles("kidny")
    assert kidney[0] == "Decreased kidney function or kidney failure"
    assert "IVIG (intravenous immunoglobulin G)" in kidney, "its kidney warning"
