from django import template
from django.utils.safestring import mark_safe

from glossary.marking import GlossaryMarker
from glossary.models import A_TO_Z, GlossaryTermPage

register = template.Library()


def marker_for(request, page) -> GlossaryMarker:
    """One marker per page view, so a term is explained at its first use on the page."""
    marker = getattr(request, "_glossary_marker", None)
    if marker is None:
        terms = (
            GlossaryTermPage.objects.live()
            .public()
            .only("id", "title", "url_path", "definition", "other_names")
            .order_by(*A_TO_Z)  # the first term with a name explains it, on every page
        )
        if page is not None:
            terms = terms.exclude(pk=page.pk)
        marker = GlossaryMarker(term.as_term(request) for term in terms)
        request._glossary_marker = marker
    return marker


@register.tag
def glossary_terms(parser, token):
    """Explain glossary terms in everything between this tag and {% endglossary_terms %}.

    Body text is rendered first, then the first use of each term on the page becomes a link
    to its definition. Stored content is never changed.
    """
    nodelist = parser.parse(("endglossary_terms",))
    parser.delete_first_token()
    return GlossaryTermsNode(nodelist)


class GlossaryTermsNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        html = self.nodelist.render(context)
        request = context.get("request")
        if request is None:
            return html
        return mark_safe(marker_for(request, context.get("page")).mark(html))  # noqa: S308
