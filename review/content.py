"""What patients read in a revision, and who changed it.

"What patients read" is the page type's public fields: those its editor shows on the Content
and Promote tabs (title, the sections, side-effect links, the search description...), read from
the page model's own panels. The Settings tab (publishing schedule, review interval), comments
and Wagtail's bookkeeping are not read by patients, so saving them is not an edit to review.
"""

import json
import re
from functools import cache

from wagtail.admin.panels import ObjectList
from wagtail.fields import StreamField
from wagtail.models import Revision

# The rich text editor tags each paragraph with a key of its own the first time it saves it.
EDITOR_BLOCK_KEY = re.compile(r'\sdata-block-key="[^"]*"')


@cache
def public_fields(model) -> tuple[tuple[str, ...], dict[str, tuple[str, ...]]]:
    """The model's public fields, and for each inline panel the child fields it edits."""
    if hasattr(model, "content_panels"):
        panels = [*model.content_panels, *model.promote_panels]
    else:
        # A snippet reviewed in the same workflow (a source): everything its editor shows.
        panels = model.panels
    options = ObjectList(panels).bind_to_model(model)
    form_options = options.get_form_options()
    children = {
        relation: tuple(formset.get("fields", ()))
        for relation, formset in form_options.get("formsets", {}).items()
    }
    # Only what a revision stores: the editor's form may have fields of its own (the change
    # note, kept with the submission).
    stored = {field.name for field in model._meta.get_fields()}
    fields = tuple(name for name in form_options.get("fields", ()) if name in stored)
    return fields, children


def what_patients_read(revision: Revision) -> dict:
    """The public fields of a revision, without the marks the editor adds and patients never see."""
    model = revision.content_type.model_class()
    fields, children = public_fields(model)
    content = revision.content
    read = {}
    for name in fields:
        value = content.get(name)
        if isinstance(model._meta.get_field(name), StreamField) and isinstance(value, str):
            value = json.loads(value or "[]")
        read[name] = _without_editor_marks(value)
    for relation, child_fields in children.items():
        read[relation] = [
            {name: _without_editor_marks(child.get(name)) for name in child_fields}
            for child in content.get(relation) or []
        ]
    return read


def _without_editor_marks(value):
    """A stored value as patients read it: no editor keys, no block ids, empty is empty."""
    if isinstance(value, str):
        value = EDITOR_BLOCK_KEY.sub("", value)
    elif isinstance(value, list):
        value = [_without_editor_marks(item) for item in value]
    elif isinstance(value, dict):
        # A StreamField block's "id" only tells the editor which block is which.
        value = {
            key: _without_editor_marks(item)
            for key, item in value.items()
            if not (key == "id" and "type" in value)
        }
    return value or None


def reads_differently(revision: Revision, other: Revision | None) -> bool:
    """Whether patients would read something else in `revision` than in `other`."""
    return other is None or what_patients_read(revision) != what_patients_read(other)
