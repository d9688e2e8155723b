from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.snippets.views.snippets import SnippetViewSet

from sources.models import Source


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
        DateColumn("last_checked_at", label="Last checked"),
        DateColumn("next_check_at", label="Next check due"),
    ]
    list_filter = ["kind", "status", "live"]
    list_export = ["title", "authors", "kind", "date_published", "url", "doi", "status"]
    copy_view_enabled = False

    def get_queryset(self, request):
        return Source.objects.with_last_checked()
