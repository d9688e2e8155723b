from django.contrib import messages
from wagtail import hooks

from core import readability
from core.api import PagesAPIViewSet
from core.models import PortalPage


@hooks.register("construct_admin_api")
def check_page_listing_parameters(router):
    router.register_endpoint("pages", PagesAPIViewSet)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_when_above_reading_grade(request, page):
    """Saving is never blocked; a page above the target says so after each save."""
    # Saves answered with JSON (the editor's background saves) show no messages.
    if not isinstance(page, PortalPage) or not request.accepts("text/html"):
        return
    result = readability.assess(page)
    if result.above_target:
        messages.warning(
            request,
            f"“{page.get_admin_display_title()}” reads at grade {result.grade}, above the "
            f"target of {result.target_text}. The Plain language panel shows the hardest "
            "sentences.",
        )
