"""Is a posted rich text field what the Draftail editor sends? Checked before it is converted.

The editor posts its content as Draft.js "content state" JSON: a list of blocks of text, each
with style and entity ranges, and a map of the entities (links) those ranges point at.
Wagtail's converter trusts that shape, so a hand-made post of another shape fails deep inside
it. Anything the editor could not have sent is refused here, before the form is cleaned.
"""

import json
from collections.abc import Mapping

from django.core.exceptions import BadRequest

# Draftail nests lists at most this deep (its maxListNesting).
MAX_DEPTH = 4

DAMAGED = "The rich text editor's content arrived damaged, so nothing was saved."


def _utf16_length(text: str) -> int:
    """Draft.js counts offsets in UTF-16 code units, as JavaScript strings do."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _is_count(value) -> bool:
    return type(value) is int and value >= 0


def _has_lone_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _strings_in(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield key
            yield from _strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings_in(item)


def _ranges_fit(ranges, text: str, name: str) -> bool:
    length = _utf16_length(text)
    return isinstance(ranges, list) and all(
        isinstance(span, Mapping)
        and _is_count(span.get("offset"))
        and _is_count(span.get("length"))
        and span["offset"] + span["length"] <= length
        and isinstance(span.get(name), str | int)
        for span in ranges
    )


def _valid_entity(entity) -> bool:
    return (
        isinstance(entity, Mapping)
        and isinstance(entity.get("type"), str)
        and isinstance(entity.get("data"), Mapping)
    )


def _valid_block(block, entity_map: Mapping) -> bool:
    if not (
        isinstance(block, Mapping)
        and isinstance(block.get("text"), str)
        and isinstance(block.get("type"), str)
        and isinstance(block.get("key", ""), str)
        and isinstance(block.get("data", {}), Mapping)
        and _is_count(block.get("depth", 0))
        and block.get("depth", 0) <= MAX_DEPTH
    ):
        return False
    text = block["text"]
    styles = block.get("inlineStyleRanges", [])
    entities = block.get("entityRanges", [])
    return (
        _ranges_fit(styles, text, "style")
        and _ranges_fit(entities, text, "key")
        and all(str(span["key"]) in entity_map for span in entities)
    )


def check_contentstate(raw: str) -> dict | None:
    """The content state in ``raw``, parsed; a BadRequest if the editor could not have sent it.

    An empty field is None: Draftail posts ``null`` for an editor with nothing in it.

    Refused: anything that is not JSON (or nested too deeply to parse), a shape other than
    blocks and an entity map, ranges outside their block's text or pointing at no entity,
    list nesting deeper than the editor allows, and text that cannot be stored as UTF-8 (a
    lone surrogate written as a JSON escape).
    """
    if not raw:
        return None
    try:
        state = json.loads(raw)
    except (ValueError, RecursionError) as error:
        raise BadRequest(DAMAGED) from error
    if state is None:
        return None
    if not isinstance(state, dict):
        raise BadRequest(DAMAGED)
    blocks = state.get("blocks")
    entity_map = state.get("entityMap", {})
    if not (
        isinstance(blocks, list)
        and isinstance(entity_map, dict)
        and all(_valid_entity(entity) for entity in entity_map.values())
        and all(_valid_block(block, entity_map) for block in blocks)
    ):
        raise BadRequest(DAMAGED)
    if any(_has_lone_surrogate(text) for text in _strings_in(state)):
        raise BadRequest(DAMAGED)
    return state
