"""Bad addresses get a friendly 404; a server error gets a page that needs nothing to render."""

import pytest
from bs4 import BeautifulSoup
from django.test import RequestFactory
from django.views.defaults import server_error

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "/no-such-page/",
        "/treatments/%ff/",
        "/treatments/%ED%A0%80/",  # a lone surrogate, as UTF-8 bytes
        "/treatments/%00/",
        "/treatments/x%00y/",
        "/glossary/<script>/",
        "/glossary/%3Cscript%3Ealert(1)%3C/script%3E/",
        "/..%2f..%2fetc/passwd",
        "/search/%00/",
        "/" + "a/" * 3000,
        "/" + "b" * 10_000 + "/",
    ],
)
def test_malformed_and_unknown_addresses_are_not_found(
    client, treatment_index, glossary_index, path
):
    client.raise_request_exception = False  # a crash shows as a 500, not as an exception

    response = client.get(path)

    assert response.status_code == 404
    assert b"<script>alert" not in response.content


def test_an_odd_page_parameter_on_a_page_is_ignored(client, home):
    assert client.get("/?page=%00").status_code == 200


def test_the_not_found_page_has_the_site_look_and_a_way_home(client, home):
    response = client.get("/no-such-page/")

    soup = BeautifulSoup(response.content, "html.parser")
    assert response.status_code == 404
    assert soup.main.h1.get_text() == "Page not found"
    assert soup.main.find("a", href="/").get_text() == "Go to the home page"
    assert soup.find("header", class_="site-header") is not None
    assert soup.find("form", role="search")["action"] == "/search/"


def test_the_server_error_page_renders_without_the_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        response = server_error(RequestFactory().get("/"))

    soup = BeautifulSoup(response.content, "html.parser")
    assert response.status_code == 500
    assert soup.main.h1.get_text() == "Something went wrong"
    assert soup.main.find("a", href="/") is not None
    assert soup.find("link", rel="stylesheet")["href"] == "/static/css/portal.css"
