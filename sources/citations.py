"""Numbered citations and the "Sources" list, for everything a page renders.

Rich text citations and a template's ``{% cite %}`` leave placeholders in the rendered HTML
(sources.rich_text). ``render_citations`` replaces them, in the order a reader meets them: one
query fetches the live sources, each gets a number at its first citation, and each citation
becomes a link to its entry in the "Sources" list that follows. A citation of a source that is
not live (a draft, or unpublished) is left out, and numbers run on without a gap.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from wagtail.blocks import StreamValue

from sources.models import Source
from sources.rich_text import PLACEHOLDER, placeholder, source_id


@dataclass(frozen=True)
class NumberedSource:
    number: int
    source: Source

    @property
    def anchor(self) -> str:
        return f"source-{self.number}"


def placeholders(value) -> SafeString:
    """Placeholders citing the sources in ``value``: a model field of sources (a StreamValue),
    a block's list of sources, or one source. Reads ids only: no query."""
    if isinstance(value, StreamValue):
        ids = [item["value"] for item in value.raw_data]
    elif isinstance(value, Source):
        ids = [value.pk]
    else:
        ids = [source.pk for source in value or () if source is not None]
    numbers = (source_id(pk) for pk in ids)
    return mark_safe("".join(placeholder(number) for number in numbers if number))  # noqa: S308


def live_sources(ids: Iterable[int]) -> dict[int, Source]:
    return Source.objects.live().in_bulk(set(ids))


def render_citations(html: str) -> SafeString:
    """``html`` with its placeholders numbered and linked, and the "Sources" list after it."""
    ids = [int(found) for found in PLACEHOLDER.findall(html)]
    if not ids:
        return mark_safe(html)  # noqa: S308 - rendered by the template engine
    sources = live_sources(ids)
    numbered: dict[int, NumberedSource] = {}

    def link(found) -> str:
        source = sources.get(int(found.group(1)))
        if source is None:
            return ""
        if source.pk not in numbered:
            numbered[source.pk] = NumberedSource(len(numbered) + 1, source)
        return citation_link(numbered[source.pk])

    html = PLACEHOLDER.sub(link, html)
    if numbered:
        html += render_to_string("sources/sources_list.html", {"sources": numbered.values()})
    return mark_safe(html)  # noqa: S308 - rendered by the template engine, links built here


def citation_link(cited: NumberedSource) -> str:
    """The number in brackets, read out as "Source 2: <title>"."""
    return format_html(
        '<a class="citation" href="#{}"><span aria-hidden="true">[{}]</span>'
        '<span class="visually-hidden">Source {}: {}</span></a>',
        cited.anchor,
        cited.number,
        cited.number,
        cited.source.title,
    )
