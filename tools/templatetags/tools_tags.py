from django import template
from wagtail.models import Site

from core.shared_cache import shared
from tools.models import QuestionsGuidePage

register = template.Library()


@register.inclusion_tag("tools/includes/questions_guide_link.html", takes_context=True)
def questions_guide_link(context):
    """A link to the guide that gathers every treatment's questions, if it is published.

    Treatment pages show it under their own questions; the guide belongs to the tools, so the
    link comes from here and the treatments app does not need to know about it. The same for
    every reader, so looked up once per published change.
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request else None

    def guide_url() -> str:
        guide = QuestionsGuidePage.objects.live().public().first()
        return guide.get_url(request) if guide else ""  # "": no guide, and the cache keeps it

    return {"url": shared(request, f"questions-guide:{site.pk if site else ''}", guide_url)}
