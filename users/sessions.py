"""Staff sessions: 30 minutes without a request, or a working day after signing in, ends them.

Django's database sessions with SESSION_SAVE_EVERY_REQUEST already expire SESSION_COOKIE_AGE
after the last request. This store also never lets a session outlive
PORTAL_SESSION_WORKING_DAY from the moment its user signed in, however busy they are.
"""

import datetime

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.dispatch import receiver
from django.utils import timezone

SIGNED_IN_AT = "_portal_signed_in_at"


class SessionStore(DatabaseSessionStore):
    def _end_of_working_day(self) -> datetime.datetime | None:
        signed_in_at = self.get(SIGNED_IN_AT)
        if signed_in_at is None:
            return None
        return datetime.datetime.fromtimestamp(signed_in_at, datetime.UTC) + (
            settings.PORTAL_SESSION_WORKING_DAY
        )

    def get_expiry_date(self, **kwargs):
        idle_expiry = super().get_expiry_date(**kwargs)
        end_of_day = self._end_of_working_day()
        return idle_expiry if end_of_day is None else min(idle_expiry, end_of_day)

    def get_expiry_age(self, **kwargs):
        idle_age = super().get_expiry_age(**kwargs)
        end_of_day = self._end_of_working_day()
        if end_of_day is None:
            return idle_age
        now = kwargs.get("modification") or timezone.now()
        return max(0, min(idle_age, int((end_of_day - now).total_seconds())))


@receiver(user_logged_in)
def remember_sign_in_time(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[SIGNED_IN_AT] = timezone.now().timestamp()
