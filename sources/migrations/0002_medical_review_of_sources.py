"""Sources go through the "Medical review" workflow, and each editorial role gets its share.

Writers add and change sources (and lock one while they work on it); medical reviewers open,
compare and comment, and approve in the workflow (which publishes on their behalf); only site
administrators publish directly, unpublish or delete.
"""

from django.db import migrations

WRITERS = "Medical writers"
REVIEWERS = "Medical reviewers"
ADMINISTRATORS = "Site administrators"
WORKFLOW = "Medical review"

ACTIONS = {
    WRITERS: ["add", "change", "view", "lock"],
    REVIEWERS: ["change", "view"],
    ADMINISTRATORS: ["add", "change", "view", "delete", "publish", "lock", "unlock"],
}


def review_sources(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")

    source_type, _ = ContentType.objects.get_or_create(app_label="sources", model="source")
    # Permissions are normally made after migrations (Wagtail adds publish, lock and unlock).
    permissions = {
        action: Permission.objects.get_or_create(
            content_type=source_type,
            codename=f"{action}_source",
            defaults={"name": f"Can {action} source"},
        )[0]
        for action in ACTIONS[ADMINISTRATORS]
    }
    for group_name, actions in ACTIONS.items():
        group = Group.objects.get(name=group_name)
        group.permissions.add(*(permissions[action] for action in actions))

    WorkflowContentType.objects.update_or_create(
        content_type=source_type, defaults={"workflow": Workflow.objects.get(name=WORKFLOW)}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("sources", "0001_initial"),
        ("review", "0002_roles_and_medical_review_workflow"),
    ]

    operations = [migrations.RunPython(review_sources, migrations.RunPython.noop)]
