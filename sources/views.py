from dataclasses import dataclass

from django.utils.functional import cached_property
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets.button import HeaderButton
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.views.snippets import SnippetViewSet

from sources import evidence
from sources.models import Source

LAST_CHECKED = DateColumn("last_checked_at", label="Last checked")
NEXT_CHECK = DateColumn("next_check_at", label="Next check due")


# The app that runs the medical review supplies its review screens for the snippets in its
# workflow: a function returning the view classes by the viewset's attribute names
# ("workflow_action_view_class", "collect_workflow_action_data_view_class").
REVIEW_VIEWS_HOOK = "register_snippet_review_views"


def review_view(name: str, default):
    """The review screen ``name`` the medical review supplies, or Wagtail's ``default``."""
    for supply in hooks.get_hooks(REVIEW_VIEWS_HOOK):
        if view_class := supply().get(name):
            return view_class
    return default


class SourceViewSet(SnippetViewSet):
    """The library of sources in the admin: writers add and change, reviewers approve."""

    model = Source
    icon = "openquote"
    menu_label = "Sources"
    menu_order = 250
    add_to_admin_menu = True
    list_display = [
        "title",
        "authors",
        Column("kind", label="Kind", accessor="get_kind_display"),
        Column("status", label="Status", accessor="get_status_display"),
        LAST_CHECKED,
        NEXT_CHECK,
    ]
    list_filter = ["kind", "status", "live"]
    list_export = ["title", "authors", "kind", "date_published", "url", "doi", "status"]
    copy_view_enabled = False

    def get_queryset(self, request):
        return Source.objects.with_last_checked()

    # Read when the admin's URLs are built, once every app's hooks are registered.
    @property
    def workflow_action_view_class(self):
        return review_view("workflow_action_view_class", SnippetViewSet.workflow_action_view_class)

    @property
    def collect_workflow_action_data_view_class(self):
        return review_view(
            "collect_workflow_action_data_view_class",
            SnippetViewSet.collect_workflow_action_data_view_class,
        )


@dataclass(frozen=True)
class UncitedStatement:
    page: Page
    section: str
    cited: str  # sources cited that patients cannot see yet; empty if none is cited

    @property
    def problem(self) -> str:
        return f"Only unapproved sources: {self.cited}" if self.cited else "No source"


class StatementsWithoutSourceReport(ReportView):
    """Every section of a live page that cites no live source, page by page."""

    page_title = "Statements without a source"
    header_icon = "openquote"
    index_url_name = "sources_uncited_report"
    index_results_url_name = "sources_uncited_report_results"
    permission_policy = PagePermissionPolicy()
    any_permission_required = ["change"]
    paginate_by = 100
    columns = [
        TitleColumn(
            "page",
            label="Page",
            accessor="page.get_admin_display_title",
            url_name="wagtailadmin_pages:edit",
            id_accessor="page.pk",
        ),
        Column("section", label="Section"),
        Column("problem", label="Problem"),
    ]
    list_export = ["page.pk", "page.title", "section", "problem"]
    export_headings = {
        "page.pk": "Page ID",
        "page.title": "Page",
        "section": "Section",
        "problem": "Problem",
    }
    export_filename = "statements-without-a-source"

    @cached_property
    def header_buttons(self) -> list[HeaderButton]:
        return []

    def get_queryset(self):
        pages = (
            self.permission_policy.instances_user_has_permission_for(self.request.user, "change")
            .live()
            .specific()
            .order_by("path")
        )
        return [
            UncitedStatement(page, section.label, "; ".join(s.title for s in section.sources))
            for page in pages
            for section in evidence.check(page)
            if not section.has_source
        ]


class SourcesDueReport(ReportView):
    """Live, current sources never checked or due a check within 30 days, soonest first."""

    page_title = "Sources due for checking"
    header_icon = "openquote"
    index_url_name = "sources_due_report"
    index_results_url_name = "sources_due_report_results"
    permission_policy = ModelPermissionPolicy(Source)
    any_permission_required = ["change", "publish"]
    columns = [
        TitleColumn("title", label="Source", url_name="wagtailsnippets_sources_source:edit"),
        Column("authors", label="Publisher or authors"),
        LAST_CHECKED,
        NEXT_CHECK,
    ]
    list_export = ["title", "authors", "last_checked_at", "next_check_at"]
    export_headings = {"last_checked_at": "Last checked", "next_check_at": "Next check due"}
    export_filename = "sources-due-for-checking"

    @cached_property
    def header_buttons(self) -> list[HeaderButton]:
        return []

    def get_queryset(self):
        return Source.objects.due_for_checking()
