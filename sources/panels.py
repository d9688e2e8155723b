from wagtail.admin.panels import Panel

from sources import evidence
from sources.models import EvidenceFlag


class SourcesPanel(Panel):
    """Each statement of the page being edited with the sources it cites, and "No source"
    where it cites none that patients can see. Read-only; writers and reviewers both see it."""

    def __init__(self, heading="Sources", icon="openquote", **kwargs):
        super().__init__(heading=heading, icon=icon, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "sources/sources_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            sections = evidence.check(self.instance)
            context["sections"] = sections
            context["without_source"] = [s for s in sections if not s.has_source]
            context["flags"] = (
                EvidenceFlag.objects.filter(page_id=self.instance.pk, cleared_at=None)
                .select_related("source")
                .order_by("raised_at")
                if self.instance.pk
                else []
            )
            return context
