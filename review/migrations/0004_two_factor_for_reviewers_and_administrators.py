"""Reviewers and administrators must sign in with a second factor.

A reviewer's account is the key to publishing medical claims to patients. Writers may turn
two-factor sign-in on from their account menu; once they have, their code is asked for too.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["Medical reviewers", "Site administrators"]


def two_factor_permission(apps):
    # Model permissions are normally made after migrations; the groups need this one now.
    app_config = apps.get_app_config("users")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(
        content_type__app_label="users", codename="sign_in_with_two_factor"
    )


def require_two_factor(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permission = two_factor_permission(apps)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(permission)


def allow_password_only(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permission = two_factor_permission(apps)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("review", "0003_approval"),
        ("users", "0002_alter_user_options"),
    ]

    operations = [migrations.RunPython(require_two_factor, allow_password_only)]
