"""Sources on structured content: what a page type uses to let a fact carry its own sources.

- ``SourcesBlock``: a list of sources inside a StructBlock (a safety warning's sources).
- ``sources_field()``: a model field holding sources (a side-effect link's, a regulatory
  status's). A StreamField of snippet choosers, so revisions, comparisons, copies and Wagtail's
  reference index treat these sources as they treat the rest of the page.
- ``CitingRichTextBlock``: a rich text block whose revision comparison shows its citations
  (and whose editor screen readers announce by its label).

Templates cite them with ``{% cite value %}`` (sources.templatetags.citation_tags).
"""

from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.snippets.blocks import SnippetChooserBlock

from core.blocks import LabelledRichTextBlock

SOURCE_MODEL = "sources.Source"


class SourceChooserBlock(SnippetChooserBlock):
    def __init__(self, **kwargs):
        super().__init__(SOURCE_MODEL, **kwargs)

    class Meta:
        icon = "openquote"
        label = "Source"


class SourcesBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("default", [])  # no empty source to fill in before a page saves
        kwargs.setdefault("label", "Sources")
        kwargs.setdefault("help_text", "The sources that say this. Patients see them numbered.")
        super().__init__(SourceChooserBlock(), **kwargs)


class CitingRichTextBlock(LabelledRichTextBlock):
    def get_comparison_class(self):
        # The admin's comparison classes load the admin, which is not ready when page models
        # are defined with this block.
        from sources.compare import CitingRichTextBlockComparison

        return CitingRichTextBlockComparison


def sources_field(help_text="The sources that say this. Patients see them numbered.", **kwargs):
    return StreamField(
        [("source", SourceChooserBlock())], blank=True, help_text=help_text, **kwargs
    )
