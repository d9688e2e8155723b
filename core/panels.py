from wagtail.admin.panels import Panel

from core import readability


class ReadingGradePanel(Panel):
    """The reading grade of the revision being edited, against the site's target. Read-only."""

    def __init__(self, heading="Plain language", icon="glasses", **kwargs):
        super().__init__(heading=heading, icon=icon, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "core/reading_grade_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["readability"] = readability.assess(self.instance)
            return context
