"""Production: everything comes from the environment (see base.py); nothing is relaxed.

The demo app (demo content, demo accounts, the benchmark) is not installed here, so its
commands do not exist. Only its login backend is used: it knows the demo accounts' published
passwords and refuses them, in case a database copied from a developer's machine holds them.
"""

import os

from .base import *  # noqa: F403
from .base import BASE_DIR, ImproperlyConfigured, env, env_list

# Several worker processes share one cache: without CACHE_BACKEND, files on this server's
# disk. Several app servers share Redis (CACHE_BACKEND=django.core.cache.backends.redis.
# RedisCache, CACHE_LOCATION=redis://...), so a publish on one is seen by all.
if "CACHE_BACKEND" not in os.environ:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": env("CACHE_LOCATION", str(BASE_DIR / "var" / "cache")),
        }
    }

# `make serve` rehearses production on this machine, where there is no TLS: plain HTTP is
# allowed only when every allowed host is this machine.
if env("PORTAL_LOOPBACK_HTTP", "false") == "true":
    if set(env_list("ALLOWED_HOSTS")) - {"127.0.0.1", "localhost", "[::1]"}:
        raise ImproperlyConfigured("PORTAL_LOOPBACK_HTTP is only for ALLOWED_HOSTS on loopback.")
    SECURE_SSL_REDIRECT = False
    SECURE_HSTS_SECONDS = 0
    SESSION_COOKIE_SECURE = False
    CSRF_COOKIE_SECURE = False


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

# Password guessing is locked out (django-axes); the demo accounts' published passwords are
# refused, whatever the database holds.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "demo.backends.RefuseDemoPasswordsBackend",
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
