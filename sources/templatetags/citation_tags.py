from django import template

from sources.citations import placeholders, render_citations

register = template.Library()


@register.tag
def citations(parser, token):
    """Number the citations in everything between this tag and {% endcitations %}, link each
    to its source, and list the sources after it (sources.citations.render_citations)."""
    nodelist = parser.parse(("endcitations",))
    parser.delete_first_token()
    return CitationsNode(nodelist)


class CitationsNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        return render_citations(self.nodelist.render(context), context.get("request"))


@register.simple_tag
def cite(sources):
    """Cite a structured fact's sources here: a field or block value of sources."""
    return placeholders(sources)
