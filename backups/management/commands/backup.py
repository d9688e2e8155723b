from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils import timezone

from backups.archive import create_backup


class Command(BaseCommand):
    help = "Back up the database and the uploaded files together into one archive."

    def add_arguments(self, parser):
        parser.add_argument(
            "archive",
            nargs="?",
            help="Where to write it (default: backup-<date and time>.tar.gz here).",
        )

    def handle(self, *args, archive=None, **options):
        path = Path(archive or f"backup-{timezone.localtime():%Y-%m-%d-%H%M%S}.tar.gz")
        create_backup(path)
        self.stdout.write(f"Backed up the database and uploaded files to {path}")
