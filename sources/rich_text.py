"""Citations in rich text: the "citation" feature of Wagtail's rich text.

In the database a citation is an embed after the statement it supports:
``<embed embedtype="citation" id="12"/>`` (12 being the source's id). Nothing else about the
source is stored in the text, so the page always shows the source as its live record says.

- In the editor (Draftail) it is an immutable CITATION entity shown as a "[source]" token
  (sources.editor converts between the two formats).
- On the site, ``CitationEmbedHandler`` turns each embed into a placeholder that costs no query;
  the ``{% citations %}`` tag (sources.citations) numbers the placeholders of the whole page
  and fetches their sources at once. Outside that tag a placeholder shows nothing.
- The embed handler also tells Wagtail's reference index which sources a page cites, so a
  source's "usage" lists the pages that cite it. A revision comparison writes citations out
  (sources.compare).
"""

import re

from wagtail.rich_text import EmbedHandler

from sources.models import Source

FEATURE = "citation"

EMBED = re.compile(r'<embed\b[^>]*\bembedtype="citation"[^>]*/>')
EMBED_ID = re.compile(r'\bid="(\d+)"')
PLACEHOLDER = re.compile(r"<!--citation:(\d+)-->")


def source_id(value) -> int | None:
    """A source id from an embed's or entity's ``id``; None if it is not one."""
    try:
        number = int(str(value))
    except ValueError:
        return None
    return number if number > 0 else None


def citation(source_id: int) -> str:
    """A citation of the source with id ``source_id``, as rich text stores it."""
    return f'<embed embedtype="{FEATURE}" id="{source_id}"/>'


def placeholder(source_id: int) -> str:
    return f"<!--citation:{source_id}-->"


def cited_ids(html: str) -> list[int]:
    """The ids of the sources cited in database-format rich text, in order."""
    ids = []
    for embed in EMBED.finditer(html or ""):
        found = EMBED_ID.search(embed.group())
        if found:
            ids.append(int(found.group(1)))
    return ids


class CitationEmbedHandler(EmbedHandler):
    identifier = FEATURE

    @staticmethod
    def get_model():
        return Source

    @staticmethod
    def expand_db_attributes(attrs: dict) -> str:
        number = source_id(attrs.get("id"))
        return placeholder(number) if number else ""

    @classmethod
    def extract_references(cls, attrs):
        number = source_id(attrs.get("id"))
        if number:
            yield Source, str(number), "", ""
