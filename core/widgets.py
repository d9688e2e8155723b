import json

from wagtail.admin.rich_text import DraftailRichTextArea


class RichTextArea(DraftailRichTextArea):
    """Wagtail's rich text editor, except that an editor with nothing in it saves nothing, and
    that screen readers announce it by its field's label.

    Draftail can post an empty field as one empty paragraph. Django then counts the field as
    changed, so opening a page and approving it from the edit screen would save a new revision
    although nobody changed a word.
    """

    def get_context(self, name, value, attrs):
        # A field panel labels the field with "<id>-label"; the editor's text box, not the
        # hidden input the label points at, is what a screen reader lands on.
        if attrs.get("id"):
            self.options = {**self.options, "ariaLabelledBy": f"{attrs['id']}-label"}
        return super().get_context(name, value, attrs)

    def value_from_datadict(self, data, files, name):
        raw = data.get(name)
        if raw and is_empty_contentstate(raw):
            return ""
        return super().value_from_datadict(data, files, name)


def is_empty_contentstate(raw: str) -> bool:
    """Whether Draftail's content state holds no text and nothing else (images, links)."""
    try:
        state = json.loads(raw)
    except ValueError:
        return False
    blocks = state.get("blocks") if isinstance(state, dict) else None
    if not isinstance(blocks, list) or not all(isinstance(block, dict) for block in blocks):
        return False  # not content state: Wagtail's converter refuses it
    return not state.get("entityMap") and not any(
        str(block.get("text", "")).strip() for block in blocks
    )
