from wagtail.admin.rich_text import DraftailRichTextArea

from core.contentstate import check_contentstate


class RichTextArea(DraftailRichTextArea):
    """Wagtail's rich text editor, refusing what it could not have sent, saving nothing empty,
    and announced by screen readers by its field's label.

    A post the editor could not have made (see core.contentstate) is a 400 Bad Request before
    the form is cleaned, so nothing is saved. And Draftail can post an empty field as one
    empty paragraph: Django would count the field as changed, so opening a page and approving
    it from the edit screen would save a new revision (restarting the medical review) although
    nobody changed a word.
    """

    def get_context(self, name, value, attrs):
        # A field panel labels the field with "<id>-label"; the editor's text box, not the
        # hidden input the label points at, is what a screen reader lands on.
        if attrs.get("id"):
            self.options = {**self.options, "ariaLabelledBy": f"{attrs['id']}-label"}
        return super().get_context(name, value, attrs)

    def value_from_datadict(self, data, files, name):
        raw = data.get(name)
        if raw is None:
            return None
        state = check_contentstate(raw)
        if is_empty(state):
            return ""
        return super().value_from_datadict(data, files, name)


def is_empty(state: dict | None) -> bool:
    """Whether Draftail's content state holds no text and nothing else (images, links)."""
    return state is None or (
        not state.get("entityMap") and not any(block["text"].strip() for block in state["blocks"])
    )
