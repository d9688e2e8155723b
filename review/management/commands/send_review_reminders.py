"""Email writers and reviewers about pages overdue or due for medical re-review within 30 days.

Meant for a daily cron job: `python manage.py send_review_reminders`.
"""

from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string
from django.utils import timezone

from review.due import edit_address, pages_by_recipient, pages_due_for_review


class Command(BaseCommand):
    help = "Email the responsible writers and the reviewers about pages due a medical review."

    def handle(self, *args, **options):
        today = timezone.localdate()
        pages = list(pages_due_for_review(today=today))
        sent = 0
        for user, user_pages in pages_by_recipient(pages).items():
            if not user.email:
                continue
            context = {
                "user": user,
                "today": today,
                "pages": [(page, edit_address(page)) for page in user_pages],
            }
            send_mail(
                subject=f"{len(user_pages)} portal page(s) due for medical review",
                message=render_to_string("review/review_reminder_email.txt", context),
                from_email=None,
                recipient_list=[user.email],
            )
            sent += 1
        self.stdout.write(f"{len(pages)} page(s) due for review; {sent} reminder(s) sent.")
