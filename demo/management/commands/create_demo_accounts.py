"""One demo account per editorial role, for trying the portal locally (`make run`)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from demo.accounts import DEMO_ACCOUNTS


class Command(BaseCommand):
    help = "Create (or reset) the demo admin, writer and reviewer accounts. Development only."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "Refusing to create demo accounts with known passwords: DEBUG is off, so this "
                "looks like a production site."
            )
        User = get_user_model()
        for username, password, first_name, last_name, group_name, superuser in DEMO_ACCOUNTS:
            user, created = User.objects.update_or_create(
                username=username,
                defaults={
                    "first_name": first_name,
                    "last_name": last_name,
                    "email": f"{username}@example.org",
                    "is_active": True,
                    "is_staff": superuser,
                    "is_superuser": superuser,
                },
            )
            user.set_password(password)
            user.save()
            user.groups.set([Group.objects.get(name=group_name)])
            verb = "Created" if created else "Reset"
            self.stdout.write(f"{verb} {username} / {password} ({group_name})")
