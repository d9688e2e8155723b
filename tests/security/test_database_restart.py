"""A database restart costs patients nothing they can see: a page asked for while PostgreSQL
is down gets "back in a moment" with Retry-After, and the next one is served as usual."""

import logging
import socket

import pytest
from django.db import connection
from django.test import Client

from tests.factories import TreatmentPageFactory


def closed_port() -> int:
    """A port on this machine where nothing listens (as while PostgreSQL restarts)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def live_page(migrated_rows):
    page = TreatmentPageFactory(title="Plasma exchange")
    page.save_revision().publish()
    return page


def test_a_page_asked_for_while_the_database_is_down_says_back_in_a_moment(live_page, caplog):
    client = Client(raise_request_exception=False)
    url = live_page.url
    connection.close()
    port = connection.settings_dict["PORT"]
    connection.settings_dict["PORT"] = str(closed_port())
    try:
        with caplog.at_level(logging.ERROR, logger="django.request"):
            response = client.get(url)
    finally:
        connection.close()
        connection.settings_dict["PORT"] = port

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert "Back in a moment" in html
    assert "Traceback" not in html and "OperationalError" not in html
    assert any(record.levelno == logging.ERROR for record in caplog.records)  # ops still see it

    # PostgreSQL is back: Django connects again and the patient reads the page.
    again = client.get(url)
    assert again.status_code == 200
    assert "Plasma exchange" in again.content.decode()
