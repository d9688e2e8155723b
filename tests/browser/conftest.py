"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server."""

import os
import shutil

import pytest
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
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), headless=True, args=CHROMIUM_FLAGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server, migrated_rows):
    """A fresh browser tab at desktop width; tests open `live_server.url + path`.

    The live server runs in another thread, so tests commit for real, starting from what the
    data migrations made (the home page, groups, workflow).
    """
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def page_without_javascript(browser, live_server, migrated_rows):
    """A browser tab with JavaScript turned off, to prove a page works without its scripts."""
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()
