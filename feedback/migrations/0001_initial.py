"""Readers' feedback, and who may read it: the writers, reviewers and administrators."""

import django.db.models.deletion
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

# The editorial groups (made by review's migration 0002), by name.
READERS_OF_FEEDBACK = ["Medical writers", "Medical reviewers", "Site administrators"]


def let_editorial_groups_read_feedback(apps, schema_editor):
    # Model permissions are normally made after migrations; the groups need this one now.
    app_config = apps.get_app_config("feedback")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    view_feedback = Permission.objects.get(
        content_type__app_label="feedback", codename="view_feedback"
    )
    for group in Group.objects.filter(name__in=READERS_OF_FEEDBACK):
        group.permissions.add(view_feedback)


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
        ("review", "0002_roles_and_medical_review_workflow"),
    ]

    operations = [
        migrations.CreateModel(
            name='Feedback',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('helpful', models.BooleanField()),
                ('comment', models.TextField(blank=True, max_length=500)),
                ('created_at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='received')),
                ('page', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='feedback', to=settings.WAGTAIL_PAGE_MODEL)),
            ],
            options={
                'verbose_name': 'page feedback',
                'verbose_name_plural': 'page feedback',
                'ordering': ['-created_at', '-pk'],
                'default_permissions': ('view',),
            },
        ),
        migrations.RunPython(let_editorial_groups_read_feedback, migrations.RunPython.noop),
    ]
