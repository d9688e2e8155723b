"""The open, read-only content API for partners: Wagtail's API (v2), pages only.

Only live pages that are public to everyone: Wagtail's own query shows a private page to a
reader whose session holds its password, so private pages are left out here whoever asks.
Each page type lists what partners may read in its ``api_fields``; nothing from the admin (owner,
locks, revisions, who last edited) is among them, and the reviewer is named by full name only.
"""

from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import BooleanField, ForeignKey, IntegerField, JSONField
from django.utils.cache import patch_cache_control
from rest_framework.renderers import JSONRenderer
from wagtail.api.v2.filters import FieldsFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.fields import StreamField

from core.api import QueryParameterCheck

# Fields whose values Wagtail's filter converts itself (true/false, whole numbers, ids).
CONVERTED_BY_WAGTAIL = (BooleanField, IntegerField, ForeignKey)


class CheckedFieldsFilter(FieldsFilter):
    """Wagtail's ``?field=value`` filters, each value first checked against its field: one the
    field cannot hold (``?first_published_at=soon``) is a 400, not a database error."""

    def filter_queryset(self, request, queryset, view):
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True))
        for name, value in request.GET.items():
            if name in fields:
                try:
                    field = queryset.model._meta.get_field(name)
                except FieldDoesNotExist:
                    continue
                if isinstance(field, CONVERTED_BY_WAGTAIL):
                    continue
                try:
                    field.to_python(value)
                except ValidationError as error:
                    raise BadRequestError(f"{name}: {' '.join(error.messages)}") from error
        return super().filter_queryset(request, queryset, view)


class PublicPagesAPIViewSet(PagesAPIViewSet):
    renderer_classes = [JSONRenderer]  # no browsable HTML API, which would set a CSRF cookie
    authentication_classes = []  # the same answer for everyone: no session, no login
    filter_backends = [
        QueryParameterCheck,  # the admin API's check: no NUL, no offset past PostgreSQL's range
        *(
            CheckedFieldsFilter if backend is FieldsFilter else backend
            for backend in PagesAPIViewSet.filter_backends
        ),
    ]

    @classmethod
    def get_available_fields(cls, model, db_fields_only=False):
        fields = super().get_available_fields(model, db_fields_only)
        if db_fields_only:  # the fields a query may filter and sort by: plain values only
            fields = [name for name in fields if is_plain_value(model, name)]
        return fields

    def get_base_queryset(self):
        return super().get_base_queryset().public()

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        # Public, read-only data: a partner's web page may read it from the browser.
        response["Access-Control-Allow-Origin"] = "*"
        # Always current: the front cache could not purge a list when a page in it changes.
        patch_cache_control(response, no_cache=True)
        return response


def is_plain_value(model, name) -> bool:
    """Whether ``?name=value`` can be compared with a stored value (not a list or a stream)."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return True
    return not isinstance(field, ArrayField | StreamField | JSONField)
