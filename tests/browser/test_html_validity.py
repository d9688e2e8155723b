"""Every public page is valid HTML, checked by the Nu Html Checker (npm package vnu-jar)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from tests.browser.site import build_portal_site

VNU_JAR = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu_command() -> list[str]:
    java = shutil.which("java")
    if java is None:
        pytest.fail(
            "Java is needed for the Nu Html Checker: sudo apt-get install default-jre-headless"
        )
    if not VNU_JAR.exists():
        pytest.fail("The Nu Html Checker is missing: run npm ci (or make test)")
    return [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json"]


def test_every_public_page_is_valid_html(client, db, tmp_path):
    site = build_portal_site()
    pages = {}  # file name -> page
    for name, path in site.public_paths().items():
        response = client.get(path)
        assert response.status_code == (404 if name == "not found" else 200), name
        file_name = f"{name.replace(' ', '-')}.html"
        (tmp_path / file_name).write_bytes(response.content)
        pages[file_name] = f"{name} ({path})"

    # One Java start for all pages; the checker names each file by a file: URL.
    checked = subprocess.run(
        [*vnu_command(), *(str(tmp_path / file_name) for file_name in pages)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    messages = json.loads(checked.stderr)["messages"]
    errors = [
        f"{pages.get(message.get('url', '').rsplit('/', 1)[-1], message.get('url'))}, "
        f"line {message.get('lastLine')}: "
        f"{message['message']} [{message.get('extract', '').strip()}]"
        for message in messages
    ]
    assert errors == [], "The Nu Html Checker found errors:\n" + "\n".join(errors)
    assert checked.returncode == 0, checked.stderr
