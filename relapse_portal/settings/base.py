"""Settings shared by every environment.

Everything that differs between deployments is read from the environment here, in one
place. The defaults are the safe ones for production; dev.py and test.py relax them.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env(name: str, default: str | None = None) -> str:
    """Read a setting from the environment; without a default it is required."""
    value = os.environ.get(name, default)
    if value is None:
        raise ImproperlyConfigured(f"The environment variable {name} must be set.")
    return value


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


SECRET_KEY = env("SECRET_KEY")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "users",
    "core",
    "home",
    "treatments",
    "tools",
    "glossary",
    "search",
    "review",
    "sources",
    "frontcache",
    "wagtail_periodic_review",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "review.middleware.ReviewRefusalMiddleware",
    "core.middleware.MalformedAdminPostMiddleware",
    "frontcache.middleware.CacheTagsMiddleware",
]

ROOT_URLCONF = "relapse_portal.urls"
WSGI_APPLICATION = "relapse_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# PostgreSQL only. Connections persist across requests (and are health-checked) so a page
# view does not open a new connection.
DATABASES = {
    "default": dj_database_url.parse(env("DATABASE_URL"), conn_max_age=600, conn_health_checks=True)
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "users.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = env("TIME_ZONE", "America/New_York")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Django's built-in cache backends, chosen by the environment (for example
# CACHE_BACKEND=django.core.cache.backends.redis.RedisCache, CACHE_LOCATION=redis://...).
# It holds what is the same for every reader (glossary terms, the menu), dropped on publish.
CACHES = {
    "default": {
        "BACKEND": env("CACHE_BACKEND", "django.core.cache.backends.locmem.LocMemCache"),
        "LOCATION": env("CACHE_LOCATION", ""),
    }
}

# The front cache (Varnish, deploy/varnish/portal.vcl): every Varnish the app servers purge
# when content changes, e.g. FRONT_CACHE_URLS=http://127.0.0.1:6081. None: nothing to purge.
WAGTAILFRONTENDCACHE = {
    f"varnish{number}": {"BACKEND": "frontcache.backends.VarnishBackend", "LOCATION": url}
    for number, url in enumerate(env_list("FRONT_CACHE_URLS"))
}
# Seconds after a purge when it is sent again, for pages being rendered while it was sent.
FRONT_CACHE_REPURGE_SECONDS = 1.0

# Email: SMTP in production, configured from the environment (Django's MAILERS setting).
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": env("EMAIL_HOST", "localhost"),
            "port": int(env("EMAIL_PORT", "587")),
            "username": env("EMAIL_HOST_USER", ""),
            "password": env("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env("EMAIL_USE_TLS", "true").lower() == "true",
        },
    }
}
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "MS relapse portal <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security: HTTPS everywhere by default; dev.py and test.py turn this off.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SECURE_REDIRECT_EXEMPT = [r"^health/$"]  # Varnish's health probe talks plain HTTP
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"

# Huge or hostile requests get a 400, not a crash.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

# Wagtail
WAGTAIL_SITE_NAME = "MS relapse treatment portal"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "txt"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_RICH_TEXT_EDITORS = {"default": {"WIDGET": "core.widgets.RichTextArea"}}

# Medical review (review/): an edit made after submission restarts the review, and approval
# publishes exactly the reviewed revision with the reviewer's name and date on it.
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_FINISH_WORKFLOW_ACTION = "review.workflow.publish_reviewed_revision"
WAGTAILADMIN_COMMENTS_ENABLED = True

# Plain language: the US school grade (Flesch-Kincaid) a page should read at or below. Writers
# and reviewers see each page's grade in the editor; a page above it can still be saved.
PORTAL_READING_GRADE_TARGET = float(env("PORTAL_READING_GRADE_TARGET", "8"))
