from django.core.exceptions import ValidationError
from wagtail import blocks


class QuestionBlock(blocks.CharBlock):
    """A question a patient can ask their healthcare provider, in plain words."""

    def __init__(self, **kwargs):
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
