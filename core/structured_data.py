"""What a page says about itself to search engines: schema.org data, as plain dicts.

Everything comes from what the page stores or its view has already fetched, so describing a
page adds no queries (the sources it cites cost one, shared with the page's "Sources" list).
Nothing is stated that the page itself does not say.
"""

import json

from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from wagtail import hooks
from wagtail.models import Site

# A function(page, request, data) that adds to a page's MedicalWebPage data.
SCHEMA_HOOK = "construct_page_schema"

# The characters Django's json_script escapes: in a <script> element they could end it early
# ("</script>") or start markup, wherever they come from in the content.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld_script(data: dict) -> SafeString:
    """``data`` as a JSON-LD script element, escaped as Django's ``json_script`` escapes."""
    text = json.dumps(data).translate(SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


def language_tag() -> str:
    """The active language as a BCP 47 tag, e.g. "en-US"."""
    return translation.to_locale(translation.get_language()).replace("_", "-")


def medical_web_page(page, request) -> dict:
    """A portal page as a schema.org MedicalWebPage written for patients.

    What the page is about, if anything, comes from the page itself (``schema_entity``).
    """
    url = page.get_full_url(request)
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": page.title,
        "description": page.search_description,
        "url": url,
        "inLanguage": language_tag(),
        "audience": {"@type": "Patient"},
        "isPartOf": web_site(Site.find_for_request(request)),
    }
    # Only a version a medical reviewer approved says it was reviewed.
    if medical_review := page.medical_review(request):
        data["lastReviewed"] = timezone.localdate(medical_review.approved_at).isoformat()
        if medical_review.reviewer_name:
            data["reviewedBy"] = {"@type": "Person", "name": medical_review.reviewer_name}
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat(timespec="seconds")
    if entity := page.schema_entity(request):
        data["mainEntity"] = entity
        data["about"] = {"@id": entity["@id"]}
    # Apps above core add what they know of the page (the sources app: what it cites).
    for construct in hooks.get_hooks(SCHEMA_HOOK):
        construct(page, request, data)
    return {key: value for key, value in data.items() if value}


def web_site(site: Site) -> dict:
    return {"@type": "WebSite", "name": site.site_name, "url": f"{site.root_url}/"}
