"""Citations in the rich text editor: Draftail's CITATION entity and the database format.

The JavaScript side (a source picked from the library with Wagtail's snippet chooser, shown as
a "[source]" token) is static/js/draftail-citation.js.
"""

from draftjs_exporter.dom import DOM
from wagtail.admin.rich_text.converters.html_to_contentstate import (
    KEEP_WHITESPACE,
    InlineEntityElementHandler,
)

from sources.models import Source
from sources.rich_text import FEATURE, source_id

ENTITY_TYPE = "CITATION"
# The text a citation occupies in the editor (Draft.js entities need text to sit on).
TOKEN = "[source]"  # noqa: S105 - not a password


class CitationElementHandler(InlineEntityElementHandler):
    """Database HTML to Draftail: an embed becomes a "[source]" token carrying the source."""

    mutability = "IMMUTABLE"

    def get_attribute_data(self, attrs):
        number = source_id(attrs.get("id"))
        # Like Wagtail's page links, each citation looks its source up by id, so the editor
        # can name the source it cites.
        title = Source.objects.filter(pk=number).values_list("title", flat=True).first()
        return {"id": number, "title": title or ""}

    def handle_starttag(self, name, attrs, state, contentstate):
        super().handle_starttag(name, attrs, state, contentstate)
        state.current_block.text += TOKEN
        state.leading_whitespace = KEEP_WHITESPACE


def citation_entity_decorator(props):
    """Draftail to database HTML: the token becomes an embed; an entity without a valid source
    id (which the editor never makes) is left out."""
    number = source_id(props.get("id"))
    if number is None:
        return None
    return DOM.create_element("embed", {"embedtype": FEATURE, "id": number})
