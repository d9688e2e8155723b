from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from review.due import email_concerned
from review.views import ReviewDecisionsReport, ReviewsDuePanel, ReviewsDueReport

# wagtail-periodic-review's panels split "overdue" and "due this month" at calendar-month
# boundaries; the portal's rule is "overdue or due within 30 days", shown in one panel.
REPLACED_PANELS = {"wpr-review-overdue", "wpr-review-next"}


@hooks.register("construct_homepage_panels", order=100)
def show_reviews_due(request, panels):
    panels[:] = [panel for panel in panels if getattr(panel, "name", "") not in REPLACED_PANELS]
    panels.append(ReviewsDuePanel(request))


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


# Apps below the medical review (the watch on the evidence) email through it.
hooks.register("email_about_pages_to_review", email_concerned)
