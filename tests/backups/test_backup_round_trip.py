"""A backup a clinic could restore: the database and uploaded files, together, restored into
an empty database, give every public page back byte for byte."""

import base64
import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from wagtail.documents.models import Document

from tests.browser.site import build_portal_site

FETCH_PAGES = """
import base64, json, sys
import django
django.setup()
from django.test import Client
client = Client()
pages = {}
for path in json.loads(sys.argv[1]):
    response = client.get(path)
    pages[path] = [response.status_code, base64.b64encode(b"".join(response)).decode()]
print(json.dumps(pages))
"""


@pytest.fixture
def portal(migrated_rows, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    site = build_portal_site()
    leaflet = Document.objects.create(
        title="Plasma exchange leaflet",
        file=ContentFile(b"%PDF-1.4 a leaflet for patients", name="leaflet.pdf"),
    )
    return [*site.public_paths().values(), leaflet.url]


@pytest.fixture
def empty_database():
    name = f"{connection.settings_dict['NAME']}_restored"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    database = connection.settings_dict
    yield (
        f"postgres://{database['USER']}:{database['PASSWORD']}@{database['HOST']}:"
        f"{database['PORT']}/{name}"
    )
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def portal_at(database_url, media_root, *args):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "relapse_portal.settings.test",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media_root),
    }
    return subprocess.run(
        [sys.executable, *args],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )


def test_restoring_a_backup_into_an_empty_database_gives_every_public_page_back(
    portal, empty_database, tmp_path
):
    client = Client()
    before = {path: client.get(path) for path in portal}
    assert all(response.status_code in {200, 404} for response in before.values())
    archive = tmp_path / "backup.tar.gz"

    call_command("backup", str(archive), stdout=open(os.devnull, "w"))  # noqa: SIM115
    restored_media = tmp_path / "restored-media"
    portal_at(empty_database, restored_media, "manage.py", "restore", str(archive))
    fetched = portal_at(empty_database, restored_media, "-c", FETCH_PAGES, json.dumps(portal))

    after = json.loads(fetched.stdout)
    for path, response in before.items():
        status, content = after[path]
        assert status == response.status_code, path
        assert base64.b64decode(content) == b"".join(response), path
    assert (restored_media / "documents" / "leaflet.pdf").read_bytes().startswith(b"%PDF")


def test_restore_refuses_a_database_that_is_not_empty(portal, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive), stdout=open(os.devnull, "w"))  # noqa: SIM115
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(archive))
