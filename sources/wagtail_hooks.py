from django.urls import reverse_lazy
from wagtail import hooks
from wagtail.admin.compare import register_comparison_class
from wagtail.admin.rich_text.editors.draftail.features import EntityFeature
from wagtail.fields import RichTextField
from wagtail.snippets.models import register_snippet

from sources.compare import CitingRichTextFieldComparison
from sources.editor import ENTITY_TYPE, CitationElementHandler, citation_entity_decorator
from sources.rich_text import FEATURE, CitationEmbedHandler
from sources.views import SourceViewSet

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
