from django import template
from django.utils.safestring import mark_safe
from wagtail.models import Site

from core.shared_cache import shared
from glossary.marking import GlossaryMarker, Term
from glossary.models import A_TO_Z, GlossaryTermPage

register = template.Library()


def live_terms(request) -> list[Term]:
    """Every live, public glossary term, the same for every reader of the site."""
    site = Site.find_for_request(request)
    return shared(
        request,
        f"glossary-terms:{site.pk if site else ''}",
        lambda: [
            term.as_term(request)
            for term in GlossaryTermPage.objects.live()
            .public()
            .only("id", "title", "url_path", "definition", "other_names")
            .order_by(*A_TO_Z)  # the first term with a name explains it, on every page
        ],
    )


def marker_for(request, page) -> GlossaryMarker:
    """One marker per page view, so a term is explained at its first use on the page."""
    marker = getattr(request, "_glossary_marker", None)
    if marker is None:
        page_id = page.pk if page is not None else None
        marker = GlossaryMarker(term for term in live_terms(request) if term.page_id != page_id)
        request._glossary_marker = marker
    return marker


def explained_terms(request) -> list[Term] | None:
    """The glossary terms explained so far on the page rendered for ``request``; None if the
    page explains no glossary words at all (it has no {% glossary_terms %})."""
    marker = getattr(request, "_glossary_marker", None)
    return marker.marked if marker else None


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
        return mark_safe(marker_for(request, context.get("page")).mark_remembered(html))  # noqa: S308
