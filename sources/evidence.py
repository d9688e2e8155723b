"""Which statements on a page have a source: its sections and the sources each one cites.

A page's sections are read from its model, in field order, by these rules:

- each rich text field with text in it, named by the field;
- each block of a stream that can cite (it holds rich text or sources, e.g. a safety warning),
  named by the block's label and its heading;
- each field with a companion field of sources named ``<field>_sources`` (the regulatory status
  and its sources), named by the field;
- each related item whose model has a ``sources`` field (a side-effect link), named by the
  item's ``section_label`` (or the item itself).

The sources of a section are what Wagtail's reference index would record for it: citations in
its rich text and sources chosen in its fields. A section "has a source" when it cites at least
one live (approved and published) source: what patients see.
"""

from dataclasses import dataclass, field

from django.db.models import prefetch_related_objects
from django.utils.html import strip_tags
from django.utils.text import capfirst
from modelcluster.models import get_all_child_relations
from wagtail import blocks
from wagtail.blocks import StructValue
from wagtail.fields import RichTextField, StreamField
from wagtail.snippets.blocks import SnippetChooserBlock

from sources.models import Source
from sources.rich_text import FEATURE

SOURCES_SUFFIX = "_sources"
ITEM_SOURCES = "sources"


@dataclass(frozen=True)
class Section:
    label: str
    source_ids: tuple[int, ...]  # in the order cited, each once


@dataclass(frozen=True)
class CheckedSection:
    label: str
    sources: tuple[Source, ...] = field(default=())  # cited, in order (deleted ones left out)

    @property
    def live_sources(self) -> tuple[Source, ...]:
        return tuple(source for source in self.sources if source.live)

    @property
    def has_source(self) -> bool:
        return bool(self.live_sources)


def sections(obj) -> list[Section]:
    """The sections of a page that state something, with the sources each one cites."""
    found = []
    names = {f.name for f in obj._meta.concrete_fields}
    for model_field in obj._meta.concrete_fields:
        value = model_field.value_from_object(obj)
        if _holds_sources(model_field):
            continue
        if isinstance(model_field, RichTextField):
            if strip_tags(value or "").strip():
                found.append(Section(_label(model_field), _ids(model_field, value)))
        elif isinstance(model_field, StreamField):
            found += [
                Section(_block_label(child), _ids(child.block, child.value))
                for child in value
                if can_cite(child.block)
            ]
        elif model_field.name + SOURCES_SUFFIX in names:
            companion = obj._meta.get_field(model_field.name + SOURCES_SUFFIX)
            found.append(
                Section(_label(model_field), _ids(companion, companion.value_from_object(obj)))
            )
    for relation in get_all_child_relations(obj):
        if ITEM_SOURCES not in {f.name for f in relation.related_model._meta.concrete_fields}:
            continue
        items = list(getattr(obj, relation.get_accessor_name()).all())
        _fetch_related(items)
        found += [
            Section(str(getattr(item, "section_label", item)), _all_ids(item)) for item in items
        ]
    return found


def _holds_sources(model_field) -> bool:
    return model_field.name == ITEM_SOURCES or model_field.name.endswith(SOURCES_SUFFIX)


def _all_ids(item) -> tuple[int, ...]:
    """Every source a related item refers to, in any of its fields."""
    return _unique(
        tuple(
            pk
            for model_field in item._meta.concrete_fields
            if hasattr(model_field, "extract_references")
            for pk in _ids(model_field, model_field.value_from_object(item))
        )
    )


def check(obj) -> list[CheckedSection]:
    """The page's sections with the sources they cite, fetched in one query."""
    found = sections(obj)
    sources = Source.objects.in_bulk({pk for section in found for pk in section.source_ids})
    return [
        CheckedSection(
            section.label, tuple(sources[pk] for pk in section.source_ids if pk in sources)
        )
        for section in found
    ]


def can_cite(block) -> bool:
    """Whether a block holds citable rich text or sources, itself or in a child block."""
    if isinstance(block, blocks.RichTextBlock):
        return FEATURE in (block.features or ())
    if isinstance(block, SnippetChooserBlock):
        return block.target_model is Source
    children = getattr(block, "child_blocks", None) or {}
    if isinstance(block, blocks.ListBlock):
        children = {"item": block.child_block}
    return any(can_cite(child) for child in children.values())


def _ids(container, value) -> tuple[int, ...]:
    """Ids of the sources a field or block value refers to, in order, each once."""
    if not value:
        return ()
    return _unique(
        tuple(
            int(object_id)
            for model, object_id, _, _ in container.extract_references(value)
            if model is Source
        )
    )


def _unique(ids: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(dict.fromkeys(ids))


def _label(model_field) -> str:
    return capfirst(model_field.verbose_name)


def _block_label(child) -> str:
    heading = child.value.get("heading") if isinstance(child.value, StructValue) else None
    return f"{child.block.label}: {heading}" if heading else str(child.block.label)


def _fetch_related(items) -> None:
    """Fetch what related items point to (a side effect) in one query per relation."""
    foreign_keys = [
        f.name for f in (items[0]._meta.concrete_fields if items else ()) if f.many_to_one
    ]
    prefetch_related_objects(items, *foreign_keys)
