"""Who may remove a page: no page is lost to a writer, and nothing in review moves.

Every door of the Wagtail admin asks a page's permission tester before it deletes, moves,
copies or unpublishes: the page's action menu and listing buttons, the delete, move, copy
and unpublish views, the bulk actions and the admin API's page actions. PortalPage hands
out this tester, so the rules below hold on all of them.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField
from django.db.models.functions import Cast
from wagtail.models import Page, PagePermissionTester, WorkflowState


def any_in_review(pages) -> bool:
    """Whether any of ``pages`` is in the medical review (a workflow in progress)."""
    return WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=pages.annotate(key=Cast("pk", CharField())).values("key"),
        status=WorkflowState.STATUS_IN_PROGRESS,
    ).exists()


class PortalPagePermissionTester(PagePermissionTester):
    """Wagtail's page permissions, narrowed for a portal where writers cannot publish.

    - Deleting, moving and unpublishing are for site administrators (who hold "publish").
    - A writer (who holds "add") may delete a draft they created that was never published
      and is not in review, with anything below it meeting the same rule.
    - Nothing in review is deleted or moved, not even by an administrator: the review is
      cancelled first, so the reviewer is never left holding a page that has gone.
    """

    def is_administrator(self) -> bool:
        return self.user.is_active and (self.user.is_superuser or "publish" in self.permissions)

    def can_delete(self, ignore_bulk=False):
        if not super().can_delete(ignore_bulk=ignore_bulk):
            return False
        pages = self.page.get_descendants(inclusive=True)
        if any_in_review(pages):
            return False
        if self.is_administrator():
            return True
        return (
            "add" in self.permissions
            and not pages.exclude(
                owner=self.user, live=False, first_published_at__isnull=True
            ).exists()
        )

    def can_move(self):
        return self.is_administrator() and super().can_move()

    def can_move_to(self, destination):
        # Wagtail lets a superuser move anywhere without asking can_move().
        return self.can_move() and super().can_move_to(destination)

    def can_unpublish(self):
        return self.is_administrator() and super().can_unpublish()
