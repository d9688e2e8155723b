"""Readers' feedback in the admin: a report across pages, every comment, and a panel on each
page's editor. For the people with the "view feedback" permission (writers, reviewers and
administrators); nobody else, and never patients.
"""

import datetime

import django_filters
from django.db.models import Count, F, FloatField, IntegerField, Max, Q
from django.db.models.functions import Cast, Round
from django.utils.functional import cached_property
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import Panel
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets.button import HeaderButton
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy

from feedback.models import Feedback

LATEST_COMMENTS_IN_PANEL = 5
permission_policy = ModelPermissionPolicy(Feedback)


def pages_with_feedback():
    """Pages readers have answered about, with how many answers, found helpful, comments."""
    return (
        Page.objects.annotate(
            answers=Count("feedback"),
            helpful_count=Count("feedback", filter=Q(feedback__helpful=True)),
            comment_count=Count("feedback", filter=~Q(feedback__comment="")),
            latest_feedback=Max("feedback__created_at"),
        )
        .filter(answers__gt=0)
        .annotate(
            not_helpful_count=F("answers") - F("helpful_count"),
            share_helpful=Cast(
                Round(Cast("helpful_count", FloatField()) * 100 / F("answers")), IntegerField()
            ),
        )
    )


def yes_or_no(value: bool) -> str:
    return "Yes" if value else "No"


class FeedbackReportMixin:
    permission_policy = permission_policy
    permission_required = "view"
    header_icon = "comment"

    @cached_property
    def header_buttons(self) -> list[HeaderButton]:
        return []

    def get_filename(self):
        return f"{self.export_filename}-{datetime.date.today():%Y-%m-%d}"


class FeedbackByPageReport(FeedbackReportMixin, ReportView):
    """Each page readers have answered about, least helpful first."""

    page_title = "Readers' feedback"
    index_url_name = "feedback_report"
    index_results_url_name = "feedback_report_results"
    results_template_name = "feedback/feedback_report_results.html"
    export_filename = "readers-feedback"
    list_export = [
        "pk",
        "title",
        "answers",
        "helpful_count",
        "not_helpful_count",
        "share_helpful",
        "comment_count",
        "latest_feedback",
    ]
    export_headings = {
        "pk": "Page ID",
        "title": "Page",
        "answers": "Answers",
        "helpful_count": "Helpful",
        "not_helpful_count": "Not helpful",
        "share_helpful": "Helpful (%)",
        "comment_count": "Comments",
        "latest_feedback": "Latest answer",
    }

    def get_queryset(self):
        return pages_with_feedback().order_by("share_helpful", "-answers", "title")


class CommentFilterSet(WagtailFilterSet):
    page = django_filters.ModelChoiceFilter(
        queryset=lambda request: Page.objects.filter(
            pk__in=Feedback.objects.exclude(comment="").values("page")
        ).order_by("title"),
    )
    helpful = django_filters.BooleanFilter(label="Found it helpful")
    created_at = django_filters.DateFromToRangeFilter(
        label="Received", widget=DateRangePickerWidget
    )

    class Meta:
        model = Feedback
        fields = ["page", "helpful", "created_at"]


class FeedbackCommentsReport(FeedbackReportMixin, ReportView):
    """Every comment readers wrote, newest first, by page if asked."""

    page_title = "Readers' comments"
    index_url_name = "feedback_comments_report"
    index_results_url_name = "feedback_comments_report_results"
    results_template_name = "feedback/feedback_comments_results.html"
    filterset_class = CommentFilterSet
    export_filename = "readers-comments"
    list_export = ["page_id", "page.title", "helpful", "comment", "created_at"]
    custom_field_preprocess = {
        "helpful": {
            ReportView.FORMAT_CSV: yes_or_no,
            ReportView.FORMAT_XLSX: yes_or_no,
        }
    }
    export_headings = {
        "page_id": "Page ID",
        "page.title": "Page",
        "helpful": "Found it helpful",
        "comment": "Comment",
        "created_at": "Received",
    }

    def get_queryset(self):
        return Feedback.objects.exclude(comment="").select_related("page")


class FeedbackPanel(Panel):
    """A page's feedback in its editor, for the writers and reviewers working on it."""

    def __init__(self, heading="Readers' feedback", icon="comment", **kwargs):
        super().__init__(heading=heading, icon=icon, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "feedback/feedback_panel.html"

        def is_shown(self):
            return bool(self.instance.pk) and permission_policy.user_has_permission(
                self.request.user, "view"
            )

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["tally"] = pages_with_feedback().filter(pk=self.instance.pk).first()
            context["comments"] = Feedback.objects.filter(page_id=self.instance.pk).exclude(
                comment=""
            )[:LATEST_COMMENTS_IN_PANEL]
            return context
