from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core.reports import report_urls
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
        *report_urls("reports/feedback/", FeedbackByPageReport, "feedback_report"),
        *report_urls(
            "reports/feedback/comments/", FeedbackCommentsReport, "feedback_comments_report"
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
