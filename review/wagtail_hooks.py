from django.urls import reverse
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter

from core.models import MEDICAL_REVIEW_HOOK, PUBLISHED_UPDATES_HOOK
from core.reports import report_urls
from review.due import email_concerned
from review.models import Approval
from review.page_views import (
    ReviewedPageViewSet,
    ReviewSnippetActionDataView,
    ReviewSnippetActionView,
)
from review.updates import published_updates
from review.views import (
    PagesInReviewPanel,
    ReviewDecisionsReport,
    ReviewsDuePanel,
    ReviewsDueReport,
)

# wagtail-periodic-review's panels split "overdue" and "due this month" at calendar-month
# boundaries; the portal's rule is "overdue or due within 30 days", shown in one panel. The
# writer's "pages in a workflow" panel is replaced by one that shows what the reviewer said.
REPLACED_PANELS = {"wpr-review-overdue", "wpr-review-next", "user_objects_in_workflow_moderation"}


@hooks.register(MEDICAL_REVIEW_HOOK)
def approval_of_revision(revision_id):
    return Approval.objects.filter(revision_id=revision_id).first()


# Every page's "See all updates" list.
hooks.register(PUBLISHED_UPDATES_HOOK, published_updates)


@hooks.register("after_publish_page")
def say_a_direct_publication_is_unreviewed(request, page):
    """An administrator who publishes directly (an emergency correction) learns what patients
    now read about its review."""
    if page.live and approval_of_revision(page.live_revision_id) is None:
        messages.warning(
            request,
            f"“{page.get_admin_display_title()}” was published without medical review: patients "
            "read “Not yet medically reviewed” until a medical reviewer approves a version. It "
            "heads Medical reviews due.",
        )


@hooks.register("register_admin_viewset")
def register_reviewed_page_views():
    # Registered after Wagtail's own page views (order -1), so every page type uses these.
    return ReviewedPageViewSet()


@hooks.register("register_snippet_review_views")
def snippet_review_views():
    """The review screens of a snippet in the medical review (a source), as a page's."""
    return {
        "workflow_action_view_class": ReviewSnippetActionView,
        "collect_workflow_action_data_view_class": ReviewSnippetActionDataView,
    }


@hooks.register("register_log_actions")
def register_review_log_actions(actions):
    actions.register_action(
        "review.published_without_review",
        "Published without medical review",
        "Published without medical review: patients read “Not yet medically reviewed”",
    )
    actions.register_action(
        "review.restarted",
        "Medical review restarted",
        "What patients read changed: the medical review restarted on this version",
    )

    @actions.register_action("review.approval_signed")
    class ApprovalSigned(LogFormatter):
        label = "Approval signed"

        def format_message(self, log_entry):
            how = log_entry.data.get("signed_with", "")
            return f"Signed the approval of this version ({how})" if how else "Signed the approval"


@hooks.register("construct_homepage_panels", order=100)
def show_reviews_due(request, panels):
    panels[:] = [panel for panel in panels if getattr(panel, "name", "") not in REPLACED_PANELS]
    panels.append(ReviewsDuePanel(request))
    panels.append(PagesInReviewPanel())


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        *report_urls("reports/reviews-due/", ReviewsDueReport, "review_due_report"),
        *report_urls("reports/review-decisions/", ReviewDecisionsReport, "review_decisions_report"),
    ]


@hooks.register("register_reports_menu_item")
def reviews_due_menu_item():
    return MenuItem(
        "Medical reviews due", reverse("review_due_report"), icon_name="warning", order=790
    )


@hooks.register("register_reports_menu_item")
def review_decisions_menu_item():
    return MenuItem(
        "Medical review decisions",
        reverse("review_decisions_report"),
        icon_name="tasks",
        order=795,
    )


def administrator_may_cancel(request, page) -> bool:
    """Site administrators end a review (to delete, move or rename the page) though they do
    not decide it: Wagtail lets only the submitter, the owner or a decider cancel."""
    state = page.current_workflow_state
    return bool(
        request.user.is_superuser and state is not None and not state.user_can_cancel(request.user)
    )


class CancelReviewMenuItem(ActionMenuItem):
    label = "Cancel the medical review"
    name = "action-cancel-workflow"
    icon_name = "error"

    def is_shown(self, context):
        return context["view"] == "edit" and administrator_may_cancel(
            context["request"], context["page"]
        )


@hooks.register("register_page_action_menu_item")
def cancel_review_menu_item():
    return CancelReviewMenuItem(order=50)


@hooks.register("before_edit_page")
def cancel_review_for_an_administrator(request, page):
    """The editor's cancel button, for an administrator: the review ends before the edit is
    saved, as Wagtail ends it for those it lets cancel."""
    if (
        request.method == "POST"
        and request.POST.get("action-cancel-workflow")
        and administrator_may_cancel(request, page)
    ):
        page.current_workflow_state.cancel(user=request.user)


# Apps below the medical review (the watch on the evidence) email through it.
hooks.register("email_about_pages_to_review", email_concerned)
