from django.urls import reverse, reverse_lazy
from wagtail import hooks
from wagtail.admin.compare import register_comparison_class
from wagtail.admin.menu import MenuItem
from wagtail.admin.rich_text.editors.draftail.features import EntityFeature
from wagtail.fields import RichTextField
from wagtail.snippets.models import register_snippet

from core.reports import report_urls
from sources.citations import schema_citations, sources_cited_by
from sources.compare import CitingRichTextFieldComparison
from sources.editor import ENTITY_TYPE, CitationElementHandler, citation_entity_decorator
from sources.models import EvidenceFlag
from sources.panels import SourcesPanel
from sources.rich_text import FEATURE, CitationEmbedHandler
from sources.views import SourcesDueReport, SourceViewSet, StatementsWithoutSourceReport

register_snippet(SourceViewSet)

# Revision comparisons of rich text show citations ("[source: <title>]").
register_comparison_class(RichTextField, comparison_class=CitingRichTextFieldComparison)


@hooks.register("register_rich_text_features")
def register_citation_feature(features):
    """ "Cite a source": picks a source from the library and cites it where the cursor is."""
    features.register_editor_plugin(
        "draftail",
        FEATURE,
        EntityFeature(
            {
                "type": ENTITY_TYPE,
                "icon": "openquote",
                "label": "Cite",
                "description": "Cite a source for this statement",
                "chooserUrls": {
                    "sourceChooser": reverse_lazy("wagtailsnippetchoosers_sources_source:choose")
                },
            },
            js=["wagtailadmin/js/chooser-modal.js", "js/draftail-citation.js"],
            css={"all": ["css/draftail-citation.css"]},
        ),
    )
    features.register_converter_rule(
        "contentstate",
        FEATURE,
        {
            "from_database_format": {
                f'embed[embedtype="{FEATURE}"]': CitationElementHandler(ENTITY_TYPE)
            },
            "to_database_format": {"entity_decorators": {ENTITY_TYPE: citation_entity_decorator}},
        },
    )
    features.register_embed_type(CitationEmbedHandler)


# In every portal page's editor, before the other apps' panels (readers' feedback).
@hooks.register("register_portal_page_panel", order=-10)
def sources_panel():
    return SourcesPanel()


@hooks.register("register_pages_flagged_for_review")
def pages_citing_a_changed_source():
    return EvidenceFlag.objects.filter(cleared_at=None).values("page_id")


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        *report_urls(
            "reports/statements-without-a-source/",
            StatementsWithoutSourceReport,
            "sources_uncited_report",
        ),
        *report_urls("reports/sources-due/", SourcesDueReport, "sources_due_report"),
    ]


@hooks.register("register_reports_menu_item")
def uncited_statements_menu_item():
    return MenuItem(
        "Statements without a source",
        reverse("sources_uncited_report"),
        icon_name="openquote",
        order=800,
    )


@hooks.register("register_reports_menu_item")
def sources_due_menu_item():
    return MenuItem(
        "Sources due for checking", reverse("sources_due_report"), icon_name="openquote", order=805
    )


@hooks.register("construct_page_schema")
def cite_sources_in_schema(page, request, data):
    """The page's schema.org data lists the live sources it cites."""
    if sources := sources_cited_by(page, request):
        data["citation"] = schema_citations(sources.values())
