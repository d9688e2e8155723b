import datetime

from django.db.models import Case, Value, When
from django.utils.functional import cached_property
from wagtail.admin.views.home import UserObjectsInWorkflowModerationPanel
from wagtail.admin.views.reports.workflows import WorkflowTasksView
from wagtail.admin.widgets.button import HeaderButton
from wagtail.models import TaskState
from wagtail_periodic_review.views import PeriodicReviewContentReport
from wagtail_periodic_review.wagtail_hooks import BaseHomePanel

from review.due import pages_due_for_review
from review.models import Approval, MedicalReviewTask


class ReviewsDueReport(PeriodicReviewContentReport):
    """Pages flagged for re-review, live pages no reviewer approved, then pages overdue for
    re-review or due within 30 days."""

    page_title = "Medical reviews due"
    index_url_name = "review_due_report"
    index_results_url_name = "review_due_report_results"
    results_template_name = "review/reviews_due_results.html"
    export_filename = "medical-reviews-due"
    list_export = [
        "title",
        "review_status",
        "next_review_date",
        "last_review_date",
        "status_string",
    ]
    export_headings = {
        "review_status": "Medical review",
        "next_review_date": "Review due",
        "last_review_date": "Last reviewed",
    }

    def get_queryset(self):
        return pages_due_for_review(self._get_editable_pages())


class ReviewsDuePanel(BaseHomePanel):
    name = "review-due"
    heading = "Medical reviews due"
    description = (
        "Pages citing a source that was superseded or withdrawn come first, then live pages "
        "that no medical reviewer approved: review them now. Then pages overdue for medical "
        "re-review or due within 30 days."
    )
    description_css_class = "help-warning"
    description_icon = "warning"
    template_name = "review/reviews_due_panel.html"
    order = 200

    def get_page_list(self):
        return pages_due_for_review(super().get_page_list())[:10]


class PagesInReviewPanel(UserObjectsInWorkflowModerationPanel):
    """The writer's own pages in medical review, with what the reviewer said, in full."""

    template_name = "review/pages_in_review_panel.html"


class ReviewDecisionsReport(WorkflowTasksView):
    """Every approval and sending back in the medical review, with the reviewer's comment."""

    page_title = "Medical review decisions"
    header_icon = "tasks"
    index_url_name = "review_decisions_report"
    index_results_url_name = "review_decisions_report_results"
    results_template_name = "review/review_decisions_results.html"
    list_export = [
        "workflow_state.content_object.pk",
        "workflow_state.content_object",
        "revision_id",
        "finished_by",
        "get_status_display",
        "signature",
        "comment",
        "finished_at",
    ]
    export_headings = {
        "workflow_state.content_object.pk": "Page ID",
        "workflow_state.content_object": "Page",
        "revision_id": "Revision",
        "finished_by": "Reviewer",
        "get_status_display": "Decision",
        "signature": "Signed",
        "comment": "Comment",
        "finished_at": "Time",
    }

    @cached_property
    def header_buttons(self) -> list[HeaderButton]:
        return []

    def get_filename(self):
        return f"medical-review-decisions-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        # An approval is signed: say how, from the approval record of the approved revision.
        signature = Case(
            *(
                When(
                    status=TaskState.STATUS_APPROVED,
                    revision__medical_approval__signed_with=value,
                    then=Value(f"Signed: {label}"),
                )
                for value, label in Approval.Signature.choices
            ),
            default=Value(""),
        )
        return (
            super()
            .get_queryset()
            .filter(
                task__in=MedicalReviewTask.objects.all(),
                status__in=[TaskState.STATUS_APPROVED, TaskState.STATUS_REJECTED],
            )
            .annotate(signature=signature)
            .select_related("finished_by", "revision")
            .order_by("-finished_at")
        )
