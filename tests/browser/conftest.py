"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server."""

import os
import shutil

import pytest
from django.db import DEFAULT_DB_ALIAS, connections
from playwright.sync_api import sync_playwright

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make
# around it are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    if not os.access(path, os.X_OK):
        pytest.fail(
            "Chromium is needed for the browser tests: sudo apt-get install chromium "
            "(or set CHROMIUM_PATH).",
            pytrace=False,
        )
    return path


@pytest.fixture(scope="session")
def serialized_database(django_db_setup):
    """The database as the migrations left it, which serialized rollback restores.

    Read before Playwright starts (the browser fixture depends on this), on the connection
    the database was serialized on.
    """
    return getattr(connections[DEFAULT_DB_ALIAS], "_test_serialized_contents", None)


@pytest.fixture(scope="session")
def browser(serialized_database):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), headless=True, args=CHROMIUM_FLAGS
        )
        yield browser
        browser.close()


@pytest.fixture
def keep_serialized_database(browser, serialized_database):
    """Hand the serialized database to the connection the test uses.

    Django keeps connections per context; once Playwright's event loop runs in this thread
    the test gets a different connection object from the one the database was serialized on
    (when other tests ran first), and serialized rollback would silently restore nothing.
    """
    if serialized_database is not None:
        connections[DEFAULT_DB_ALIAS]._test_serialized_contents = serialized_database


@pytest.fixture
def page(
    browser,
    keep_serialized_database,
    live_server,
    transactional_db,
    django_db_serialized_rollback,
):
    """A fresh browser tab at desktop width; tests open `live_server.url + path`.

    The live server runs in another thread, so tests use real transactions; the serialized
    rollback brings back what the data migrations made (the home page, groups, workflow).
    """
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()
