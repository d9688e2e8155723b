"""Patient tools: two "relapse-ready" worksheets.

The worksheets run in the patient's browser only: they have no form that posts, and nothing a
patient types is sent to the site or kept by it.
"""

from dataclasses import dataclass

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField

from core.blocks import QuestionBlock
from core.models import SECTION_FEATURES, PortalPage
from treatments.models import live_treatments


@dataclass(frozen=True)
class RecoveryQuestion:
    """A question about how a past relapse ended, answered by choosing one answer."""

    name: str
    text: str
    answers: tuple[str, ...]


class TreatmentHistoryPage(PortalPage):
    """ "My relapse treatment history": a worksheet, one entry per past relapse.

    It asks the source's own questions (did your symptoms go away, did you recover fully, did
    you have side effects). The patient fills it in and prints it; nothing is sent or saved.
    """

    BLANK_ENTRIES = 3  # entries on the page, and on paper when it is printed blank
    RECOVERY_QUESTIONS = (
        RecoveryQuestion("symptoms-gone", "Did your symptoms go away?", ("Yes", "Partly", "No")),
        RecoveryQuestion("recovered", "Did you recover fully?", ("Yes", "No", "Not sure")),
    )

    intro = RichTextField(
        features=SECTION_FEATURES,
        help_text="Why a record of past relapse treatments helps, and how to use the worksheet.",
    )

    content_panels = [*PortalPage.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["treatments"] = live_treatments()
        context["entries"] = range(1, self.BLANK_ENTRIES + 1)
        context["recovery_questions"] = self.RECOVERY_QUESTIONS
        return context


class QuestionsGuidePage(PortalPage):
    """ "Questions to ask your healthcare provider", tailored by the treatments the patient
    chooses. Each treatment's questions are written, and reviewed, on its own page."""

    intro = RichTextField(
        features=SECTION_FEATURES,
        help_text="What the guide is for and how to use it.",
    )
    general_questions = StreamField(
        [("question", QuestionBlock())],
        blank=True,
        help_text="Questions about any relapse treatment. The questions about one treatment "
        "are edited on that treatment's page.",
    )

    content_panels = [
        *PortalPage.content_panels,
        FieldPanel("intro"),
        FieldPanel("general_questions"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["treatments"] = [t for t in live_treatments() if t.questions_to_ask]
        return context
