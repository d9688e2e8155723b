from django.core.exceptions import BadRequest
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.bulk_action import index as wagtail_bulk_action


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
