from wagtail import hooks
from wagtail.admin.panels import Panel, PanelGroup

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


class PanelsFromHook(PanelGroup):
    """The panels other apps add to every portal page's editor, each in its own section.

    core imports no app built on it. An app with something to show writers and reviewers about
    a page (readers' feedback, for instance) registers a function under ``hook_name`` that
    returns a Panel. The functions are called when Wagtail first builds a page type's editor,
    by which time every app's hooks are loaded.
    """

    def __init__(self, hook_name, children=(), **kwargs):
        super().__init__(children, **kwargs)
        self.hook_name = hook_name

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "hook_name": self.hook_name}

    def on_model_bound(self):
        self.children = [make_panel() for make_panel in hooks.get_hooks(self.hook_name)]
        super().on_model_bound()

    class BoundPanel(PanelGroup.BoundPanel):
        # Each panel in its own collapsible section with its heading, as in a tab.
        template_name = "wagtailadmin/panels/object_list.html"
