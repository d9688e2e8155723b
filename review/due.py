"""Which live pages are due a medical review, and who is responsible for each.

A page is due when a source it cites changed (an app flags it: the watch on the evidence flags
the pages citing a source that was superseded or withdrawn), when its live version was never
reviewed as it stands, when its re-review is overdue, or when it is due within the reminder
window.
"""

import datetime
from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import BooleanField, Case, Exists, ExpressionWrapper, OuterRef, Q, Value, When
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.models import Page
from wagtail_periodic_review.models import PeriodicReviewMixin
from wagtail_periodic_review.utils import add_review_date_annotations, filter_across_subtypes

from review.models import Approval
from review.roles import REVIEWERS, WRITERS

REMINDER_WINDOW = datetime.timedelta(days=30)
FLAGGED, NOT_REVIEWED = "Re-review needed now", "Not medically reviewed"
OVERDUE, DUE_SOON = "Overdue", "Due within 30 days"
# Apps register a function returning a queryset of the ids of pages to re-review now.
FLAGGED_PAGES_HOOK = "register_pages_flagged_for_review"


def flagged_for_review() -> Q:
    """Pages that an app has flagged for medical re-review now."""
    flagged = Q(pk__in=[])
    for page_ids in hooks.get_hooks(FLAGGED_PAGES_HOOK):
        flagged |= Q(pk__in=page_ids())
    return flagged


def pages_due_for_review(pages=None, today=None):
    """Live pages due a medical review, the most urgent first.

    First the pages flagged for re-review now (a source they cite changed); then those whose
    live version no medical reviewer approved (published directly by an administrator, by the
    demo loader or by an import), longest unreviewed first; then those whose next review date
    has passed or falls within 30 days, soonest first. Each page is annotated with
    `flagged_for_review`, `unreviewed` and `review_status` (why it is listed).

    wagtail-periodic-review's own panels split "overdue" and "this month" at calendar-month
    boundaries; the portal's rule is a rolling 30 days, so this selects on the date itself.
    """
    today = today or timezone.localdate()
    pages = (Page.objects.all() if pages is None else pages).live().type(PeriodicReviewMixin)
    due_by_date = filter_across_subtypes(pages, next_review_date__lte=today + REMINDER_WINDOW)
    approved = Approval.objects.filter(revision_id=OuterRef("live_revision_id"))
    due = pages.annotate(
        unreviewed=~Exists(approved),
        flagged_for_review=ExpressionWrapper(flagged_for_review(), output_field=BooleanField()),
    ).filter(Q(flagged_for_review=True) | Q(unreviewed=True) | Q(pk__in=due_by_date.values("pk")))
    return (
        add_review_date_annotations(due)
        .annotate(
            review_status=Case(
                When(flagged_for_review=True, then=Value(FLAGGED)),
                When(unreviewed=True, then=Value(NOT_REVIEWED)),
                When(next_review_date__lt=today, then=Value(OVERDUE)),
                default=Value(DUE_SOON),
            )
        )
        .order_by(
            "-flagged_for_review", "-unreviewed", "next_review_date", "last_published_at", "path"
        )
    )


def responsible_writers(page):
    """The writers who edited the page, or its owner when no writer has."""
    User = get_user_model()
    writers = User.objects.filter(
        is_active=True, groups__name=WRITERS, pk__in=page.revisions.values("user")
    )
    if writers.exists():
        return list(writers)
    return [page.owner] if page.owner and page.owner.is_active else []


def email_concerned(pages, subject, template, **context) -> int:
    """Email every medical reviewer about all of ``pages`` and each responsible writer about
    their own; return how many emails were sent.

    ``subject`` makes the subject from a recipient's pages; ``template`` gets the recipient
    (``user``), their pages with the address of each page's editor (``pages``) and ``context``.
    """
    reviewers = list(get_user_model().objects.filter(is_active=True, groups__name=REVIEWERS))
    by_user = defaultdict(list)
    for page in pages:
        for user in {*responsible_writers(page), *reviewers}:
            by_user[user].append(page)
    sent = 0
    for user, user_pages in by_user.items():
        if not user.email:
            continue
        addresses = [(page, edit_address(page)) for page in user_pages]
        send_mail(
            subject=subject(user_pages),
            message=render_to_string(template, {**context, "user": user, "pages": addresses}),
            from_email=None,
            recipient_list=[user.email],
        )
        sent += 1
    return sent


def edit_address(page) -> str:
    """The full address of the page's editor, for an email."""
    return settings.WAGTAILADMIN_BASE_URL + reverse("wagtailadmin_pages:edit", args=[page.pk])
