"""Numbered citations and the "Sources" list, for everything a page renders; and the sources
a page cites, for its schema.org data.

Rich text citations and a template's ``{% cite %}`` leave placeholders in the rendered HTML
(sources.rich_text). ``render_citations`` replaces them, in the order a reader meets them: each
live source gets a number at its first citation, and each citation becomes a link to its entry
in the "Sources" list that follows. A citation of a source that is not live (a draft, or
unpublished) is left out, and numbers run on without a gap.

One query finds the live sources the page cites (Wagtail's reference index knows them for the
live page), kept in the shared cache until the next publish of a page or a source; the
schema.org data in the <head> and the "Sources" list share it.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField
from django.db.models.functions import Cast
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from wagtail.blocks import StreamValue
from wagtail.models import ReferenceIndex

from core.shared_cache import shared
from sources.models import Source
from sources.rich_text import PLACEHOLDER, placeholder, source_id

# Where a request keeps the sources its page cites: (page id, live sources by id).
CITED = "_cited_sources"


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


def sources_cited_by(page, request) -> dict[int, Source]:
    """The live sources that the live version of ``page`` cites, by id; found once per request."""
    if page.pk is None:  # a new page's preview: nothing is published to cite from
        return {}
    found = getattr(request, CITED, None)
    if found is None or found[0] != page.pk:
        # The same for every reader until a page or a source is published again.
        cited = shared(request, f"cited-sources:{page.pk}", lambda: live_sources_cited_by(page))
        found = (page.pk, cited)
        setattr(request, CITED, found)
    return found[1]


def live_sources_cited_by(page) -> dict[int, Source]:
    references = ReferenceIndex.get_references_for_object(page).filter(
        to_content_type=ContentType.objects.get_for_model(Source)
    )
    sources = (
        Source.objects.live()
        .annotate(key=Cast("pk", output_field=CharField()))
        .filter(key__in=references.values("to_object_id"))
    )
    return {source.pk: source for source in sources}


def live_sources(ids: Iterable[int], request=None) -> dict[int, Source]:
    """The live ones of these sources, by id: those the page's view found already, the rest
    fetched."""
    ids = set(ids)
    known = getattr(request, CITED, (None, {}))[1]
    missing = ids - known.keys()
    fetched = Source.objects.live().in_bulk(missing) if missing else {}
    return {pk: source for pk, source in {**known, **fetched}.items() if pk in ids}


def render_citations(html: str, request=None) -> SafeString:
    """``html`` with its placeholders numbered and linked, and the "Sources" list after it."""
    ids = [int(found) for found in PLACEHOLDER.findall(html)]
    if not ids:
        return mark_safe(html)  # noqa: S308 - rendered by the template engine
    sources = live_sources(ids, request)
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


def schema_citations(sources) -> list[dict]:
    """Sources as schema.org CreativeWorks, for a page's ``citation``."""
    return [
        {
            key: value
            for key, value in {
                "@type": "CreativeWork",
                "name": source.title,
                "author": {"@type": "Organization", "name": source.authors},
                "datePublished": source.date_published.isoformat()
                if source.date_published
                else None,
                "url": source.url,
                "sameAs": source.doi_url,
            }.items()
            if value
        }
        for source in sorted(sources, key=lambda source: source.title)
    ]
