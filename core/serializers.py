"""What every portal page shows partners in the content API (content_api), beside its fields."""

from django.utils import timezone
from rest_framework import serializers

SUMMARY_FIELDS = ["id", "type", "detail_url", "html_url", "title"]


def page_summary(page, context) -> dict:
    """A page as the API shows a related page: its id, type, addresses and title."""
    # Imported here: Wagtail's API module needs the models loaded, and models use this module.
    from wagtail.api.v2.serializers import PageSerializer, get_serializer_class

    serializer_class = get_serializer_class(
        type(page),
        SUMMARY_FIELDS,
        meta_fields=["type", "detail_url", "html_url"],
        base=PageSerializer,
    )
    return serializer_class(context=context).to_representation(page)


class ReviewRecordField(serializers.Field):
    """The medical review of the version partners read, as the page itself states it: null
    unless a medical reviewer approved that version. The reviewer is named as they signed
    (their full name), never by an account's username."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        review = page.medical_review(self.context["request"])
        if review is None:
            return None
        return {
            "last_reviewed": timezone.localdate(review.approved_at).isoformat(),
            "reviewed_by": review.reviewer_name or None,
            "next_review_due": page.next_review_date and page.next_review_date.isoformat(),
        }
