from django import template

from tools.models import QuestionsGuidePage

register = template.Library()


@register.inclusion_tag("tools/includes/questions_guide_link.html", takes_context=True)
def questions_guide_link(context):
    """A link to the guide that gathers every treatment's questions, if it is published.

    Treatment pages show it under their own questions; the guide belongs to the tools, so the
    link comes from here and the treatments app does not need to know about it.
    """
    return {
        "guide": QuestionsGuidePage.objects.live().public().first(),
        "request": context.get("request"),
    }
