"""Nobody sees an unreviewed draft unless their role lets them work on it."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from wagtail.models import Page, Workflow

from review.models import MedicalReviewTask
from review.roles import ADMINISTRATORS, REVIEWERS, WORKFLOW, WRITERS
from tests.factories import SideEffectPageFactory, UserFactory
from tests.review.admin_steps import edit

pytestmark = pytest.mark.django_db

DRAFT = "Unreviewed draft sentence."


def test_migrations_make_the_three_groups_and_the_medical_review_workflow(home):
    assert set(Group.objects.values_list("name", flat=True)) == {
        WRITERS,
        REVIEWERS,
        ADMINISTRATORS,
    }
    workflow = Workflow.objects.get(name=WORKFLOW, active=True)
    [task] = [workflow_task.task.specific for workflow_task in workflow.workflow_tasks.all()]
    assert isinstance(task, MedicalReviewTask)
    assert list(task.groups.values_list("name", flat=True)) == [REVIEWERS]
    # Every page of the portal is covered, whatever its type.
    assert home.get_workflow() == workflow
    assert SideEffectPageFactory().get_workflow() == workflow


@pytest.mark.parametrize(
    ("group", "may_publish", "may_edit"),
    [(WRITERS, False, True), (REVIEWERS, False, True), (ADMINISTRATORS, True, True)],
)
def test_only_site_administrators_may_publish_outside_the_workflow(
    treatment, group, may_publish, may_edit
):
    user = UserFactory()
    user.groups.set([Group.objects.get(name=group)])
    permissions = treatment.permissions_for_user(user)
    assert permissions.can_publish() is may_publish
    assert permissions.can_edit() is may_edit
    assert permissions.can_unpublish() is may_publish
    assert permissions.can_unlock() is may_publish


def test_site_administrators_manage_users_groups_and_workflows():
    group = Group.objects.get(name=ADMINISTRATORS)
    user = UserFactory()
    user.groups.set([group])
    assert user.has_perms(
        [
            "users.add_user",
            "users.change_user",
            "auth.change_group",
            "wagtailcore.add_workflow",
            "wagtailcore.change_workflow",
            "wagtailcore.change_task",
        ]
    )


def draft_urls(page):
    revision = page.get_latest_revision()
    return [
        f"/admin/pages/{page.pk}/edit/preview/",
        f"/admin/pages/{page.pk}/view_draft/",
        f"/admin/pages/{page.pk}/revisions/{revision.pk}/view/",
        f"/admin/pages/{page.pk}/revisions/",
        f"{page.url}?preview=true",
        page.url,
    ]


@pytest.fixture
def page_with_draft(client, treatment, writer):
    client.force_login(writer)
    edit(client, treatment, what_it_is=f"<p>{DRAFT}</p>")
    client.logout()
    return Page.objects.get(pk=treatment.pk).specific


@pytest.mark.parametrize(
    "role", ["anonymous", "no role", "admin access but no page rights", "inactive writer"]
)
def test_people_without_rights_get_no_draft_and_no_preview(page_with_draft, role):
    client = Client()
    if role != "anonymous":
        user = UserFactory(is_active=role != "inactive writer")
        if role == "inactive writer":
            user.groups.set([Group.objects.get(name=WRITERS)])
        if role == "admin access but no page rights":
            user.user_permissions.add(
                Permission.objects.get(
                    codename="access_admin", content_type__app_label="wagtailadmin"
                )
            )
        client.force_login(user)
    for url in draft_urls(page_with_draft):
        response = client.get(url)
        assert DRAFT not in response.content.decode(), url
        if url.startswith("/admin/"):
            assert response.status_code in (302, 403), (url, response.status_code)


@pytest.mark.parametrize("role", [WRITERS, REVIEWERS, ADMINISTRATORS])
def test_the_public_page_never_shows_the_draft_even_to_editors(page_with_draft, role):
    user = UserFactory(is_superuser=role == ADMINISTRATORS)
    user.groups.set([Group.objects.get(name=role)])
    client = Client()
    client.force_login(user)
    for url in (page_with_draft.url, f"{page_with_draft.url}?preview=true"):
        assert DRAFT not in client.get(url).content.decode()
    # In the admin, the people who work on it can preview it.
    assert DRAFT in client.get(f"/admin/pages/{page_with_draft.pk}/view_draft/").content.decode()
