from django.core.exceptions import ImproperlyConfigured
from wagtail import hooks
from wagtail.admin.panels import Panel
from wagtail.models.panels import PanelPlaceholder

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


class PanelFromHook(PanelPlaceholder):
    """A panel of every portal page's editor that an app above core supplies.

    core imports no portal app; an app adds its panel with the Wagtail hook ``hook_name``, a
    function that returns the panel. Wagtail builds the editor after every app has registered
    its hooks. With no such hook, there is no panel.
    """

    def __init__(self, hook_name):
        super().__init__(path="", args=[], kwargs={})
        self.hook_name = hook_name

    def construct(self):
        panels = [make_panel() for make_panel in hooks.get_hooks(self.hook_name)]
        if len(panels) > 1:
            raise ImproperlyConfigured(f"More than one app supplies the {self.hook_name} panel.")
        return panels[0] if panels else None
