"""One backup archive holds the database and the uploaded files, taken together.

The archive is a gzipped tar file with two members: ``database.dump`` (pg_dump's custom
format, which pg_restore reads) and ``media/`` (everything under MEDIA_ROOT: documents and
images). PostgreSQL's own client programs do the database part.
"""

import os
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connections

DATABASE_MEMBER = "database.dump"
MEDIA_MEMBER = "media"


def _postgres(arguments: list[str], database: dict) -> None:
    """Run a PostgreSQL client program against ``database`` (a DATABASES entry)."""
    environment = {**os.environ, "PGPASSWORD": str(database.get("PASSWORD") or "")}
    connection_arguments = [
        f"--host={database.get('HOST') or 'localhost'}",
        f"--port={database.get('PORT') or 5432}",
        f"--username={database['USER']}",
        f"--dbname={database['NAME']}",
    ]
    result = subprocess.run(  # noqa: S603 - fixed programs, settings from our own config
        [*arguments, *connection_arguments],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise CommandError(f"{arguments[0]} failed: {result.stderr.strip()}")


def create_backup(archive: Path, using: str = "default") -> None:
    database = connections[using].settings_dict
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / DATABASE_MEMBER
        _postgres(["pg_dump", "--format=custom", "--no-owner", f"--file={dump}"], database)
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(dump, arcname=DATABASE_MEMBER)
            if media_root.is_dir():
                tar.add(media_root, arcname=MEDIA_MEMBER)


def database_is_empty(using: str = "default") -> bool:
    with connections[using].cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        return cursor.fetchone()[0] == 0


def restore_backup(archive: Path, using: str = "default") -> None:
    """Restore ``archive`` into an empty database and MEDIA_ROOT."""
    if not database_is_empty(using):
        raise CommandError(
            "The database is not empty. Restore into a new, empty database (createdb), so "
            "nothing is overwritten by mistake."
        )
    database = connections[using].settings_dict
    connections[using].close()
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as work, tarfile.open(archive, "r:gz") as tar:
        tar.extractall(work, filter="data")
        _postgres(
            ["pg_restore", "--no-owner", "--exit-on-error", str(Path(work) / DATABASE_MEMBER)],
            database,
        )
        media = Path(work) / MEDIA_MEMBER
        if media.is_dir():
            media_root.mkdir(parents=True, exist_ok=True)
            for source in media.rglob("*"):
                target = media_root / source.relative_to(media)
                if source.is_dir():
                    target.mkdir(parents=True, exist_ok=True)
                else:
                    target.write_bytes(source.read_bytes())
