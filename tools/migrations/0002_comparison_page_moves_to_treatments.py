"""The comparison page now lives in the treatments app (treatments 0005 took over its table)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("tools", "0001_initial"),
        ("treatments", "0005_treatmentcomparisonpage"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="TreatmentComparisonPage")],
        ),
    ]
