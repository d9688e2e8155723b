"""Production: everything comes from the environment (see base.py); nothing is relaxed.

The demo app (demo content, demo accounts, the benchmark) is not installed here, so its
commands do not exist. Only its login backend is used: it knows the demo accounts' published
passwords and refuses them, in case a database copied from a developer's machine holds them.
"""

import os

from .base import *  # noqa: F403
from .base import BASE_DIR, ImproperlyConfigured, env, env_list

AUTHENTICATION_BACKENDS = ["demo.backends.RefuseDemoPasswordsBackend"]

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

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}
