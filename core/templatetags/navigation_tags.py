from django import template
from wagtail.models import Site

register = template.Library()


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_navigation(context):
    """The home page's live children that are marked 'show in menus', in tree order."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    items = site.root_page.get_children().live().in_menu() if site else []
    return {"items": items, "request": request, "page": context.get("page")}
