"""Which live pages are due a medical re-review: overdue, or due within the reminder window."""

import datetime

from django.utils import timezone
from wagtail.models import Page
from wagtail_periodic_review.utils import add_review_date_annotations, filter_across_subtypes

REMINDER_WINDOW = datetime.timedelta(days=30)


def pages_due_for_review(pages=None, today=None):
    """Live pages whose next review date has passed or falls within 30 days, soonest first.

    wagtail-periodic-review's own panels split "overdue" and "this month" at calendar-month
    boundaries; the portal's rule is a rolling 30 days, so this selects on the date itself.
    """
    today = today or timezone.localdate()
    pages = (Page.objects.all() if pages is None else pages).live()
    due = filter_across_subtypes(pages, next_review_date__lte=today + REMINDER_WINDOW)
    return add_review_date_annotations(due).order_by("next_review_date", "path")
