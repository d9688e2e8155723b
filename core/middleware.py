import logging

from django.http import HttpResponseBadRequest
from django.urls import reverse

logger = logging.getLogger(__name__)

# What Wagtail's editor widgets (StreamField blocks, the rich text editor, inline panels) raise
# when a post lacks or garbles the hidden fields their JavaScript writes.
MALFORMED_FORM_ERRORS = (KeyError, ValueError, TypeError)


class MalformedAdminPostMiddleware:
    """A form post the admin's own pages cannot send gets 400 Bad Request, not a server error.

    The editor's widgets read their hidden fields without checking them, so a hand-made or
    truncated post fails while the form is being read, before anything is saved. The error is
    still logged, with its traceback, in case it was not the post's fault.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = reverse("wagtailadmin_home")

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not (
            request.method == "POST"
            and request.path.startswith(self.admin_prefix)
            and isinstance(exception, MALFORMED_FORM_ERRORS)
        ):
            return None
        logger.warning("Malformed admin post to %s", request.path, exc_info=exception)
        return HttpResponseBadRequest(
            "The form arrived incomplete or damaged, so nothing was saved. "
            "Go back, reload the page and try again.",
            content_type="text/plain; charset=utf-8",
        )
