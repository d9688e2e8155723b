"""Only the right people remove content, whichever door of the admin they try.

Deleting, moving and unpublishing a page are for site administrators. A writer may delete
only a draft they created that was never published and is not in review. Nothing in review
is deleted, moved or renamed by anyone: an administrator cancels the review first.
"""

import pytest
from django.urls import reverse
from wagtail.models import Page

from tests.factories import TreatmentIndexPageFactory, TreatmentPageFactory
from tests.review.admin_steps import edit, edit_url, messages_of, submit

pytestmark = pytest.mark.django_db

BULK = "wagtail_bulk_action"


def api_action(client, page, action, **data):
    return client.post(
        f"/admin/api/main/pages/{page.pk}/action/{action}/", data, content_type="application/json"
    )


DELETE_DOORS = {
    "delete view": lambda client, page: client.post(
        reverse("wagtailadmin_pages:delete", args=[page.pk])
    ),
    "bulk delete": lambda client, page: client.post(
        reverse(BULK, args=["wagtailcore", "page", "delete"]) + f"?id={page.pk}"
    ),
    "admin API": lambda client, page: api_action(client, page, "delete"),
}

MOVE_DOORS = {
    "move view": lambda client, page, to: client.post(
        reverse("wagtailadmin_pages:move_confirm", args=[page.pk, to.pk])
    ),
    "bulk move": lambda client, page, to: client.post(
        reverse(BULK, args=["wagtailcore", "page", "move"]) + f"?id={page.pk}",
        {"chooser": to.pk},
    ),
    "admin API": lambda client, page, to: api_action(
        client, page, "move", destination_page_id=to.pk, position="last-child"
    ),
}

UNPUBLISH_DOORS = {
    "unpublish view": lambda client, page: client.post(
        reverse("wagtailadmin_pages:unpublish", args=[page.pk])
    ),
    "bulk unpublish": lambda client, page: client.post(
        reverse(BULK, args=["wagtailcore", "page", "unpublish"]) + f"?id={page.pk}"
    ),
    "admin API": lambda client, page: api_action(client, page, "unpublish"),
}


def exists(page):
    return Page.objects.filter(pk=page.pk).exists()


def parent_of(page):
    return Page.objects.get(pk=page.pk).get_parent().specific


def is_live(page):
    return Page.objects.get(pk=page.pk).live


@pytest.fixture
def writers_draft(writer):
    """A treatment page the writer started and never published or submitted."""
    page = TreatmentPageFactory(
        title="Writer's new page", owner=writer, live=False, first_published_at=None
    )
    page.save_revision(user=writer)
    return page


@pytest.fixture
def other_index(treatment):
    """A second place a treatment page could be moved to."""
    return TreatmentIndexPageFactory(slug="more-treatments")


@pytest.fixture
def in_review(client, writer, treatment):
    """The live treatment page, changed by the writer and submitted to medical review."""
    client.force_login(writer)
    submit(client, treatment, summary="A clearer summary.")
    client.logout()
    assert Page.objects.get(pk=treatment.pk).workflow_in_progress
    return treatment


@pytest.fixture
def draft_in_review(client, writer, writers_draft):
    client.force_login(writer)
    submit(client, writers_draft)
    client.logout()
    assert Page.objects.get(pk=writers_draft.pk).workflow_in_progress
    return writers_draft


# Who may delete what --------------------------------------------------------------------


@pytest.mark.parametrize("door", DELETE_DOORS)
def test_writer_deletes_their_own_draft_that_was_never_published(
    client, writer, writers_draft, door
):
    client.force_login(writer)
    DELETE_DOORS[door](client, writers_draft)
    assert not exists(writers_draft)


@pytest.mark.parametrize("door", DELETE_DOORS)
@pytest.mark.parametrize("role", ["other_writer", "reviewer"])
def test_nobody_but_its_writer_deletes_a_writers_draft(client, request, writers_draft, door, role):
    client.force_login(request.getfixturevalue(role))
    DELETE_DOORS[door](client, writers_draft)
    assert exists(writers_draft)


@pytest.mark.parametrize("door", DELETE_DOORS)
def test_writer_cannot_delete_their_draft_once_it_was_published(
    client, writer, writers_draft, door
):
    writers_draft.save_revision(user=writer).publish()
    Page.objects.get(pk=writers_draft.pk).specific.unpublish()
    client.force_login(writer)
    DELETE_DOORS[door](client, writers_draft)
    assert exists(writers_draft)


@pytest.mark.parametrize("door", DELETE_DOORS)
@pytest.mark.parametrize("role", ["writer", "other_writer", "reviewer", "site_admin"])
def test_nobody_deletes_a_page_in_review(client, request, in_review, door, role):
    client.force_login(request.getfixturevalue(role))
    DELETE_DOORS[door](client, in_review)
    assert exists(in_review)


@pytest.mark.parametrize("door", DELETE_DOORS)
@pytest.mark.parametrize("role", ["writer", "other_writer", "reviewer"])
def test_nobody_deletes_a_draft_in_review_not_even_its_writer(
    client, request, draft_in_review, door, role
):
    revisions = draft_in_review.revisions.count()
    client.force_login(request.getfixturevalue(role))
    DELETE_DOORS[door](client, draft_in_review)
    assert exists(draft_in_review)
    assert draft_in_review.revisions.count() == revisions
    assert Page.objects.get(pk=draft_in_review.pk).workflow_in_progress


@pytest.mark.parametrize("door", DELETE_DOORS)
@pytest.mark.parametrize("role", ["writer", "reviewer"])
def test_writers_and_reviewers_cannot_delete_a_live_page(client, request, treatment, door, role):
    client.force_login(request.getfixturevalue(role))
    DELETE_DOORS[door](client, treatment)
    assert exists(treatment)


def cancel_review(client, page, by):
    """The review is cancelled from the editor (by whoever submitted it)."""
    client.force_login(by)
    edit(client, page, action="action-cancel-workflow")
    assert not Page.objects.get(pk=page.pk).workflow_in_progress


@pytest.mark.parametrize("door", DELETE_DOORS)
def test_administrator_deletes_a_page_once_its_review_is_cancelled(
    client, writer, site_admin, in_review, door
):
    cancel_review(client, in_review, by=writer)
    client.force_login(site_admin)
    DELETE_DOORS[door](client, in_review)
    assert not exists(in_review)


@pytest.mark.parametrize("door", DELETE_DOORS)
def test_anonymous_visitor_deletes_nothing(client, writers_draft, door):
    DELETE_DOORS[door](client, writers_draft)
    assert exists(writers_draft)


def test_the_edit_screen_offers_delete_only_to_those_who_may(
    client, writer, reviewer, writers_draft, treatment
):
    delete_draft = reverse("wagtailadmin_pages:delete", args=[writers_draft.pk])
    delete_live = reverse("wagtailadmin_pages:delete", args=[treatment.pk])
    client.force_login(writer)
    assert delete_draft in client.get(edit_url(writers_draft)).content.decode()
    assert delete_live not in client.get(edit_url(treatment)).content.decode()
    client.force_login(reviewer)
    assert delete_draft not in client.get(edit_url(writers_draft)).content.decode()


def test_the_edit_screen_offers_no_delete_or_move_while_in_review(client, site_admin, in_review):
    client.force_login(site_admin)
    html = client.get(edit_url(in_review)).content.decode()
    assert reverse("wagtailadmin_pages:delete", args=[in_review.pk]) not in html
    assert reverse("wagtailadmin_pages:move", args=[in_review.pk]) not in html


# Moving and unpublishing -----------------------------------------------------------------


@pytest.mark.parametrize("door", MOVE_DOORS)
@pytest.mark.parametrize("role", ["writer", "reviewer"])
def test_writers_and_reviewers_cannot_move_a_page(
    client, request, treatment, other_index, door, role
):
    client.force_login(request.getfixturevalue(role))
    MOVE_DOORS[door](client, treatment, other_index)
    assert parent_of(treatment) != other_index


@pytest.mark.parametrize("door", MOVE_DOORS)
def test_writer_cannot_move_even_their_own_draft(client, writer, writers_draft, other_index, door):
    client.force_login(writer)
    MOVE_DOORS[door](client, writers_draft, other_index)
    assert parent_of(writers_draft) != other_index


@pytest.mark.parametrize("door", MOVE_DOORS)
def test_administrator_moves_a_page(client, site_admin, treatment, other_index, door):
    client.force_login(site_admin)
    MOVE_DOORS[door](client, treatment, other_index)
    assert parent_of(treatment) == other_index


@pytest.mark.parametrize("door", MOVE_DOORS)
def test_administrator_cannot_move_a_page_in_review(
    client, site_admin, in_review, other_index, door
):
    client.force_login(site_admin)
    MOVE_DOORS[door](client, in_review, other_index)
    assert parent_of(in_review) != other_index


@pytest.mark.parametrize("door", UNPUBLISH_DOORS)
@pytest.mark.parametrize("role", ["writer", "reviewer"])
def test_writers_and_reviewers_cannot_unpublish(client, request, treatment, door, role):
    client.force_login(request.getfixturevalue(role))
    UNPUBLISH_DOORS[door](client, treatment)
    assert is_live(treatment)


@pytest.mark.parametrize("door", UNPUBLISH_DOORS)
def test_administrator_unpublishes(client, site_admin, treatment, door):
    client.force_login(site_admin)
    UNPUBLISH_DOORS[door](client, treatment)
    assert not is_live(treatment)


# Copying and renaming ----------------------------------------------------------------------


def copy_view(client, page, to):
    return client.post(
        reverse("wagtailadmin_pages:copy", args=[page.pk]),
        {"new_title": "Copied page", "new_slug": "copied-page", "new_parent_page": to.pk},
    )


def api_copy(client, page, to, keep_live=False):
    return api_action(
        client, page, "copy", destination_page_id=to.pk, slug="copied-page", keep_live=keep_live
    )


COPY_DOORS = {"copy view": copy_view, "admin API": api_copy}


@pytest.mark.parametrize(
    "door", [*COPY_DOORS, "admin API, asked to keep it live", "copy view, asked to publish"]
)
@pytest.mark.parametrize("role", ["writer", "reviewer"])
def test_a_copy_made_by_a_writer_or_reviewer_is_never_live(
    client, request, treatment, other_index, door, role
):
    client.force_login(request.getfixturevalue(role))
    if door == "admin API, asked to keep it live":
        api_copy(client, treatment, other_index, keep_live=True)
    elif door == "copy view, asked to publish":
        client.post(
            reverse("wagtailadmin_pages:copy", args=[treatment.pk]),
            {
                "new_title": "Copied page",
                "new_slug": "copied-page",
                "new_parent_page": other_index.pk,
                "publish_copies": "on",
            },
        )
    else:
        COPY_DOORS[door](client, treatment, other_index)
    assert not Page.objects.filter(slug="copied-page").live().exists()
    assert is_live(treatment) and parent_of(treatment) != other_index


@pytest.mark.parametrize("door", COPY_DOORS)
def test_a_page_in_review_can_be_copied_and_stays_in_review(
    client, writer, in_review, other_index, door
):
    client.force_login(writer)
    COPY_DOORS[door](client, in_review, other_index)
    copy = Page.objects.get(slug="copied-page")
    assert not copy.live
    assert copy.get_parent().pk == other_index.pk
    assert Page.objects.get(pk=in_review.pk).workflow_in_progress


@pytest.mark.parametrize("role", ["writer", "site_admin"])
@pytest.mark.parametrize("field", ["title", "slug"])
def test_nobody_renames_a_page_in_review(client, request, in_review, role, field):
    client.force_login(request.getfixturevalue(role))
    response = edit(client, in_review, **{field: "renamed-while-in-review"})
    assert response.status_code == 200
    assert "is in medical review" in response.content.decode()
    latest = Page.objects.get(pk=in_review.pk).get_latest_revision_as_object()
    assert getattr(latest, field) != "renamed-while-in-review"


def test_administrator_renames_a_page_once_its_review_is_cancelled(
    client, writer, site_admin, in_review
):
    cancel_review(client, in_review, by=writer)
    client.force_login(site_admin)
    response = edit(client, in_review, title="Plasma exchange (PLEX)")
    assert response.status_code == 302, messages_of(response)
    assert Page.objects.get(pk=in_review.pk).draft_title == "Plasma exchange (PLEX)"
