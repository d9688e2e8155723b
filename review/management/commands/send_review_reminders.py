"""Email writers and reviewers about pages overdue or due for medical re-review within 30 days.

Meant for a daily cron job: `python manage.py send_review_reminders`.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from review.due import email_concerned, pages_due_for_review


class Command(BaseCommand):
    help = "Email the responsible writers and the reviewers about pages due a medical review."

    def handle(self, *args, **options):
        today = timezone.localdate()
        pages = list(pages_due_for_review(today=today))
        sent = email_concerned(
            pages,
            lambda user_pages: f"{len(user_pages)} portal page(s) due for medical review",
            "review/review_reminder_email.txt",
            today=today,
        )
        self.stdout.write(f"{len(pages)} page(s) due for review; {sent} reminder(s) sent.")
