from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from backups.archive import restore_backup


class Command(BaseCommand):
    help = "Restore a backup archive (manage.py backup) into an empty database and MEDIA_ROOT."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The archive that manage.py backup wrote.")

    def handle(self, *args, archive, **options):
        path = Path(archive)
        if not path.is_file():
            raise CommandError(f"There is no backup archive at {path}.")
        restore_backup(path)
        self.stdout.write(f"Restored the database and uploaded files from {path}")
