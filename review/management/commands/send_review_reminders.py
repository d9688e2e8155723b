"""Email writers and reviewers about pages overdue or due for medical re-review within 30 days.

Meant for a daily cron job: `python manage.py send_review_reminders`.
"""

from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from review.due import pages_due_for_review
from review.roles import REVIEWERS, WRITERS


def responsible_writers(page):
    """The writers who edited the page, or its owner when no writer has."""
    User = get_user_model()
    writers = User.objects.filter(
        is_active=True, groups__name=WRITERS, pk__in=page.revisions.values("user")
    )
    if writers.exists():
        return list(writers)
    return [page.owner] if page.owner and page.owner.is_active else []


class Command(BaseCommand):
    help = "Email the responsible writers and the reviewers about pages due a medical review."

    def handle(self, *args, **options):
        today = timezone.localdate()
        pages = list(pages_due_for_review(today=today))
        reviewers = list(get_user_model().objects.filter(is_active=True, groups__name=REVIEWERS))

        pages_by_user = defaultdict(list)
        for page in pages:
            for user in {*responsible_writers(page), *reviewers}:
                pages_by_user[user].append(page)

        sent = 0
        for user, user_pages in pages_by_user.items():
            if not user.email:
                continue
            context = {
                "user": user,
                "today": today,
                "pages": [
                    (
                        page,
                        settings.WAGTAILADMIN_BASE_URL
                        + reverse("wagtailadmin_pages:edit", args=[page.pk]),
                    )
                    for page in user_pages
                ],
            }
            send_mail(
                subject=f"{len(user_pages)} portal page(s) due for medical review",
                message=render_to_string("review/review_reminder_email.txt", context),
                from_email=None,
                recipient_list=[user.email],
            )
            sent += 1
        self.stdout.write(f"{len(pages)} page(s) due for review; {sent} reminder(s) sent.")
