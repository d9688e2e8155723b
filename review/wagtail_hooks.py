from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter

from core.models import MEDICAL_REVIEW_HOOK
from review.models import Approval
from review.page_views import ReviewedPageViewSet
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
        path("reports/reviews-due/", ReviewsDueReport.as_view(), name="review_due_report"),
        path(
            "reports/reviews-due/results/",
            ReviewsDueReport.as_view(results_only=True),
            name="review_due_report_results",
        ),
        path(
            "reports/review-decisions/",
            ReviewDecisionsReport.as_view(),
            name="review_decisions_report",
        ),
        path(
            "reports/review-decisions/results/",
            ReviewDecisionsReport.as_view(results_only=True),
            name="review_decisions_report_results",
        ),
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
