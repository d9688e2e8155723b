from rest_framework import serializers

from core.serializers import page_summary


class RelatedTermsField(serializers.Field):
    """A term's related terms that are live and public, in the content API."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, term):
        related = term.related_terms.filter(pk__in=self.context["base_queryset"]).order_by("title")
        return [page_summary(page, self.context) for page in related]
