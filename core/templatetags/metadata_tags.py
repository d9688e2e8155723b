from django import template
from django.utils import translation
from wagtail.models import Site

from core.structured_data import json_ld_script, medical_web_page

register = template.Library()


@register.inclusion_tag("includes/page_metadata.html", takes_context=True)
def page_metadata(context):
    """The page's canonical address, Open Graph tags and schema.org data, for the <head>."""
    page, request = context["page"], context["request"]
    site = Site.find_for_request(request)
    return {
        "page": page,
        "url": page.get_full_url(request),
        "type": "website" if page.pk == site.root_page_id else "article",
        "site_name": site.site_name,
        "locale": translation.to_locale(translation.get_language()),
        "structured_data": json_ld_script(medical_web_page(page, request)),
    }
