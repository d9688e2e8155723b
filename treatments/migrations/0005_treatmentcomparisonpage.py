"""The comparison page moves here from the tools app, with its table and every page it has.

The table is renamed and the content type relabelled, so existing pages, their revisions and
their permissions stay as they are; only the model's home changes.
"""

import django.db.models.deletion
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


def relabel_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="tools", model="treatmentcomparisonpage").update(
        app_label="treatments"
    )


def relabel_content_type_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="treatments", model="treatmentcomparisonpage").update(
        app_label="tools"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("tools", "0001_initial"),
        ("treatments", "0004_treatmentpage_questions_to_ask"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="TreatmentComparisonPage",
                    fields=[
                        ("page_ptr", models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to="wagtailcore.page")),
                        ("last_review_date", models.DateField(blank=True, null=True)),
                        ("current_version_ref", models.CharField(blank=True, max_length=20, verbose_name="current version ref")),
                        ("current_version_compiled_by", models.CharField(blank=True, max_length=255, verbose_name="current version compiled by")),
                        ("next_review_date", models.DateField(editable=False, null=True)),
                        ("custom_review_frequency", models.PositiveIntegerField(blank=True, choices=[(1, "1 month"), (2, "2 months"), (3, "3 months"), (6, "6 months"), (12, "12 months"), (18, "18 months"), (24, "2 years"), (36, "3 years"), (48, "4 years")], help_text="How often this page must be medically re-reviewed. Leave empty for the usual 12 months; choose a shorter interval for fast-changing topics.", null=True, verbose_name="medical review interval")),
                        ("intro", wagtail.fields.RichTextField(help_text="What the table shows and how to read it. The table itself is built from the treatment pages.")),
                        ("last_reviewed_by", models.ForeignKey(blank=True, editable=False, help_text="The medical reviewer who approved the live version.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
                    ],
                    options={"abstract": False, "db_table": "tools_treatmentcomparisonpage"},
                    bases=("wagtailcore.page", models.Model),
                ),
            ],
        ),
        migrations.AlterModelTable(name="treatmentcomparisonpage", table=None),
        migrations.RunPython(relabel_content_type, relabel_content_type_back),
    ]
