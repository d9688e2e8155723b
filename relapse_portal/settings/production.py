"""Production: everything comes from the environment (see base.py); nothing is relaxed.

Demo accounts are never created here: the demo commands refuse to run without DEBUG.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

# The development and test settings' keys, and Django's mark of a generated throwaway key.
KNOWN_KEYS = {"dev-only-insecure-key-never-used-in-production", "test-only-insecure-key"}


def require_strong_secret_key(key: str) -> None:
    """Refuse to start with a key that signs sessions and password resets guessably.

    Django's own deploy check (security.W009) only warns; gunicorn runs no checks at all.
    """
    if (
        key in KNOWN_KEYS
        or key.startswith("django-insecure-")
        or len(key) < 50
        or len(set(key)) < 5
    ):
        raise ImproperlyConfigured(
            "SECRET_KEY is weak: use 50 or more random characters, for example from "
            "python -c 'import secrets; print(secrets.token_urlsafe(64))'."
        )


require_strong_secret_key(SECRET_KEY)  # noqa: F405

# The demo accounts' published passwords are refused here, whatever the database holds.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "review.backends.RefuseDemoPasswordsBackend",
]

# Justified in the README: the admin shows page previews in a frame of its own origin
# (W019, X-Frame-Options SAMEORIGIN rather than DENY; CSP frame-ancestors 'self' too), and
# entering the browsers' HSTS preload list is the domain owner's decision (W021).
SILENCED_SYSTEM_CHECKS = ["security.W019", "security.W021"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}
