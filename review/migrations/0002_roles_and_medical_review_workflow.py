"""The three editorial groups and the "Medical review" workflow on the home page.

Wagtail's starter "Editors" and "Moderators" groups and its "Moderators approval" workflow are
removed: the portal's roles replace them, and a second route to publishing would bypass review.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

WRITERS = "Medical writers"
REVIEWERS = "Medical reviewers"
ADMINISTRATORS = "Site administrators"
WORKFLOW = "Medical review"

PAGE_PERMISSIONS = {
    # Create and edit; lock a page while working on it (only their own locks: no "unlock").
    WRITERS: ["add_page", "change_page", "lock_page"],
    # Open, compare and comment on pages (Wagtail's revision comparison needs "change");
    # no "publish": approving in the workflow is their only way to put a page live.
    REVIEWERS: ["change_page"],
    ADMINISTRATORS: [
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
        "bulk_delete_page",
    ],
}


def create_roles_and_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    HomePage = apps.get_model("home", "HomePage")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    MedicalReviewTask = apps.get_model("review", "MedicalReviewTask")

    # Model permissions are normally made after migrations; administrators need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)

    page_type = ContentType.objects.get(app_label="wagtailcore", model="page")
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    home = HomePage.objects.get()

    groups = {}
    for name, codenames in PAGE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        group.permissions.add(access_admin)
        for codename in codenames:
            permission = Permission.objects.get(content_type=page_type, codename=codename)
            GroupPagePermission.objects.get_or_create(
                group=group, page_id=home.pk, permission=permission
            )
    # Everything else too: users, groups, workflows, sites, settings, images, documents.
    groups[ADMINISTRATORS].permissions.add(*Permission.objects.all())

    # Wagtail's starter moderation setup.
    for task in GroupApprovalTask.objects.filter(name="Moderators approval"):
        Workflow.objects.filter(workflow_tasks__task=task).delete()
        task.delete()
    Group.objects.filter(name__in=["Editors", "Moderators"]).delete()

    task_type = ContentType.objects.get_for_model(MedicalReviewTask)
    task, _ = MedicalReviewTask.objects.get_or_create(
        name="Medical reviewer approval", defaults={"content_type": task_type, "active": True}
    )
    task.groups.add(groups[REVIEWERS])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    # The home page's workflow covers every page below it: the whole portal.
    WorkflowPage.objects.update_or_create(page_id=home.pk, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("review", "0001_initial"),
        ("home", "0002_create_homepage"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        # So that administrators get these apps' permissions too.
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailusers", "0015_userprofile_keyboard_shortcuts"),
        ("wagtail_periodic_review", "0001_initial"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_roles_and_workflow, migrations.RunPython.noop)]
