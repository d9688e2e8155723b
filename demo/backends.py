from django.contrib.auth.backends import ModelBackend

from demo.accounts import DEMO_ACCOUNTS

DEMO_CREDENTIALS = {(account.username, account.password) for account in DEMO_ACCOUNTS}


class RefuseDemoPasswordsBackend(ModelBackend):
    """Django's own login check, except that the published demo passwords never work.

    Production uses it, so a database copied from a developer's machine cannot be entered
    with the passwords printed in the README.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if (username, password) in DEMO_CREDENTIALS:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
