"""Local development: debug on, console email, and throwaway defaults for secrets."""

import os

os.environ.setdefault("SECRET_KEY", "dev-only-insecure-key-never-used-in-production")
os.environ.setdefault(
    "DATABASE_URL", "postgres://relapse_portal:relapse_portal@127.0.0.1:5432/relapse_portal"
)
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")

from .base import *  # noqa: F403

DEBUG = True
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# The demo accounts sign in with a password alone.
PORTAL_TWO_FACTOR_REQUIRED = False
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
