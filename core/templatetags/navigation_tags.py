from dataclasses import dataclass

from django import template
from wagtail.models import Site

from core.shared_cache import shared

register = template.Library()


@dataclass(frozen=True)
class PageLink:
    title: str
    url: str
    path: str  # the page's place in the tree, to tell which section the reader is in


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_navigation(context):
    """The home page's live children that are marked 'show in menus', in tree order.

    The same for every reader of a site, so it is built once per published change.
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    items = shared(request, f"menu:{site.pk}", lambda: menu_items(site, request)) if site else []
    return {"items": items, "page": context.get("page")}


def menu_items(site, request) -> list[PageLink]:
    return [
        PageLink(page.title, page.get_url(request), page.path)
        for page in site.root_page.get_children().live().in_menu()
    ]


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """Links to the page's ancestors below the site's root, then the page's own title.

    The same for every reader of a place in the tree, so built once per published change.
    """
    request, page = context.get("request"), context["page"]
    site = Site.find_for_request(request) if request else None
    key = f"breadcrumbs:{site.pk if site else ''}:{page.path}"
    return {
        "ancestors": shared(request, key, lambda: ancestor_links(page, request)),
        "page": page,
    }


def ancestor_links(page, request) -> list[PageLink]:
    return [
        PageLink(ancestor.title, ancestor.get_url(request), ancestor.path)
        for ancestor in page.get_ancestors()
        if not ancestor.is_root()
    ]
