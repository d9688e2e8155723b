from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.text import capfirst
from wagtail import blocks


class LabelledCharBlock(blocks.CharBlock):
    """A line of text that screen readers announce by its label, also where Wagtail's editor
    shows the field without one: an item of a list, a block of a stream."""

    def __init__(self, *args, label, **kwargs):
        super().__init__(*args, label=label, **kwargs)
        self.field.widget.attrs["aria-label"] = label


class LabelledRichTextBlock(blocks.RichTextBlock):
    """Rich text whose editor screen readers announce by the block's label. In a StructBlock,
    Wagtail shows the label above the editor without tying it to the editor's text box."""

    @cached_property
    def field(self):
        field = super().field
        field.widget.options["ariaLabel"] = capfirst(self.label)
        return field


class QuestionBlock(LabelledCharBlock):
    """A question a patient can ask their healthcare provider, in plain words."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", "Question")
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault(
            "help_text",
            "One question, in the patient's own voice, ending with a question mark. "
            "Ask, do not claim: only facts from the source.",
        )
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value.rstrip().endswith("?"):
            raise ValidationError("Write it as a question, ending with a question mark.")
        return value

    class Meta:
        icon = "help"
        label = "Question"


def questions(*texts: str) -> list[dict]:
    """Questions as a stream of QuestionBlocks stores them (``questions_to_ask`` and
    ``general_questions``)."""
    return [{"type": "question", "value": text} for text in texts]
