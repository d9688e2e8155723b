"""The admin API's page listing, refusing query parameters PostgreSQL cannot take.

Wagtail reads ``offset`` and ``limit`` as whole numbers but not their size, and passes text
parameters (a search) to the database as they are: an offset past PostgreSQL's bigint or a
NUL character is a database error there. Replaced in the admin API by a construct_admin_api
hook (core.wagtail_hooks).
"""

from rest_framework.filters import BaseFilterBackend
from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.api.v2.utils import BadRequestError

# Far more pages than the portal will ever have, and far inside PostgreSQL's bigint.
MAX_OFFSET = 2**31 - 1


class QueryParameterCheck(BaseFilterBackend):
    """Runs before Wagtail's own filters: a 400 for parameters the database cannot take."""

    def filter_queryset(self, request, queryset, view):
        for name, values in request.GET.lists():
            if any("\x00" in value for value in [name, *values]):
                raise BadRequestError(f"{name} must not contain NUL characters")
        offset = request.GET.get("offset", "")
        if offset.isascii() and offset.isdigit() and int(offset) > MAX_OFFSET:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
        return queryset


class PagesAPIViewSet(PagesAdminAPIViewSet):
    filter_backends = [QueryParameterCheck, *PagesAdminAPIViewSet.filter_backends]
