from dataclasses import dataclass

from django import template
from wagtail.models import Site

from core.shared_cache import shared

register = template.Library()


@dataclass(frozen=True)
class MenuItem:
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


def menu_items(site, request) -> list[MenuItem]:
    return [
        MenuItem(page.title, page.get_url(request), page.path)
        for page in site.root_page.get_children().live().in_menu()
    ]
