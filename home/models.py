from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.search import index

from core.models import SECTION_FEATURES, PortalPage


class HomePage(PortalPage):
    """The front door: what relapses are and where to read more."""

    intro = RichTextField(
        features=SECTION_FEATURES,
        help_text="A few plain sentences: relapses can be treated, and what this site covers.",
    )

    content_panels = [*PortalPage.content_panels, FieldPanel("intro")]
    search_fields = [*PortalPage.search_fields, index.SearchField("intro")]
    api_fields = [*PortalPage.api_fields, APIField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "treatments.TreatmentIndexPage",
        "treatments.SideEffectIndexPage",
        "glossary.GlossaryIndexPage",
        "tools.TreatmentHistoryPage",
        "tools.QuestionsGuidePage",
    ]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_children().live().public().specific()
        return context
