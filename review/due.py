"""Which live pages are due a medical review: never reviewed as they stand, overdue, or due
within the reminder window."""

import datetime

from django.db.models import Case, Exists, OuterRef, Q, Value, When
from django.utils import timezone
from wagtail.models import Page
from wagtail_periodic_review.models import PeriodicReviewMixin
from wagtail_periodic_review.utils import add_review_date_annotations, filter_across_subtypes

from review.models import Approval

REMINDER_WINDOW = datetime.timedelta(days=30)
NOT_REVIEWED, OVERDUE, DUE_SOON = "Not medically reviewed", "Overdue", "Due within 30 days"


def pages_due_for_review(pages=None, today=None):
    """Live pages due a medical review, the most urgent first.

    First the pages whose live version no medical reviewer approved (published directly by an
    administrator, by the demo loader or by an import), longest unreviewed first; then those
    whose next review date has passed or falls within 30 days, soonest first. Each page is
    annotated with `unreviewed` and `review_status` (why it is listed).

    wagtail-periodic-review's own panels split "overdue" and "this month" at calendar-month
    boundaries; the portal's rule is a rolling 30 days, so this selects on the date itself.
    """
    today = today or timezone.localdate()
    pages = (Page.objects.all() if pages is None else pages).live().type(PeriodicReviewMixin)
    due_by_date = filter_across_subtypes(pages, next_review_date__lte=today + REMINDER_WINDOW)
    approved = Approval.objects.filter(revision_id=OuterRef("live_revision_id"))
    due = pages.annotate(unreviewed=~Exists(approved)).filter(
        Q(unreviewed=True) | Q(pk__in=due_by_date.values("pk"))
    )
    return (
        add_review_date_annotations(due)
        .annotate(
            review_status=Case(
                When(unreviewed=True, then=Value(NOT_REVIEWED)),
                When(next_review_date__lt=today, then=Value(OVERDUE)),
                default=Value(DUE_SOON),
            )
        )
        .order_by("-unreviewed", "next_review_date", "last_published_at", "path")
    )
