from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from feedback.reports import (
    FeedbackByPageReport,
    FeedbackCommentsReport,
    FeedbackPanel,
    permission_policy,
)


@hooks.register("register_portal_page_panel")
def feedback_panel():
    return FeedbackPanel()


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("reports/feedback/", FeedbackByPageReport.as_view(), name="feedback_report"),
        path(
            "reports/feedback/results/",
            FeedbackByPageReport.as_view(results_only=True),
            name="feedback_report_results",
        ),
        path(
            "reports/feedback/comments/",
            FeedbackCommentsReport.as_view(),
            name="feedback_comments_report",
        ),
        path(
            "reports/feedback/comments/results/",
            FeedbackCommentsReport.as_view(results_only=True),
            name="feedback_comments_report_results",
        ),
    ]


class FeedbackMenuItem(MenuItem):
    def is_shown(self, request):
        return permission_policy.user_has_permission(request.user, "view")


@hooks.register("register_reports_menu_item")
def feedback_menu_item():
    return FeedbackMenuItem(
        "Readers' feedback", reverse("feedback_report"), icon_name="comment", order=800
    )


@hooks.register("register_reports_menu_item")
def feedback_comments_menu_item():
    return FeedbackMenuItem(
        "Readers' comments", reverse("feedback_comments_report"), icon_name="comment", order=805
    )
