from wagtail import blocks

from core.blocks import LabelledCharBlock
from core.models import SECTION_FEATURES
from sources.blocks import CitingRichTextBlock, SourcesBlock


class SafetyWarningBlock(blocks.StructBlock):
    """An important safety warning, shown before anything else on a treatment page."""

    heading = blocks.CharBlock(
        max_length=120, help_text='Say what the danger is, e.g. "Risk of kidney problems".'
    )
    body = CitingRichTextBlock(features=SECTION_FEATURES, help_text="What can happen, plainly.")
    most_at_risk = blocks.ListBlock(
        LabelledCharBlock(max_length=200, label="A group most at risk"),
        required=False,
        label="Who is most at risk",
        help_text="One group of people per line. Leave empty if the source names no one.",
    )
    advice = CitingRichTextBlock(
        features=SECTION_FEATURES,
        required=False,
        help_text="What patients or their care team can do about it, if the source says.",
    )
    sources = SourcesBlock(
        help_text="The sources of this warning as a whole, e.g. for who is most at risk. "
        "Patients see them numbered at the end of the warning."
    )

    class Meta:
        icon = "warning"
        template = "blocks/safety_warning.html"
        label = "Safety warning"
