import sys

from django.core.exceptions import BadRequest
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.views import defaults
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.bulk_action import index as wagtail_bulk_action

# A PostgreSQL restart takes seconds; a minute is plenty before trying again.
RETRY_AFTER_SECONDS = 30


@require_admin_access
def bulk_action(request, app_label, model_name, action):
    """Wagtail's bulk actions, for a selection of ids (or "all") only.

    Wagtail passes each ``id`` of the address straight to the database, where a word is an
    error. Every model in the portal has whole-number ids. Routed in front of Wagtail's own
    address for bulk actions (relapse_portal.urls).
    """
    ids = [value for value in request.GET.getlist("id") if value != "all"]
    if not all(value.isascii() and value.isdigit() for value in ids):
        raise BadRequest("A bulk action takes the ids of the items chosen: whole numbers.")
    return wagtail_bulk_action(request, app_label, model_name, action)


def server_error(request):
    """Django's error page, except when the database cannot be reached (handler500).

    While PostgreSQL restarts, a request fails to connect: the patient gets a 503 page that
    says to try again in a moment, with Retry-After for browsers and the front cache. Django
    has already logged the error with its traceback, as for any other server error.
    """
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        response = HttpResponse(
            loader.get_template("503.html").render(), status=503, content_type="text/html"
        )
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return defaults.server_error(request)
