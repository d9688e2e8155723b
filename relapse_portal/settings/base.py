"""Settings shared by every environment.

Everything that differs between deployments is read from the environment here, in one
place. The defaults are the safe ones for production; dev.py and test.py relax them.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

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
    "feedback",
    "content_api",
    "review",
    "sources",
    "frontcache",
    "backups",
    "wagtail_periodic_review",
    "wagtail.api.v2",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
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
    "rest_framework",
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
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Two-factor sign-in (django-otp): a verified session for those who must have one.
    "django_otp.middleware.OTPMiddleware",
    "users.two_factor.TwoFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "frontcache.middleware.CacheTagsMiddleware",
    # Last, as django-axes asks: answers a locked-out sign-in with the lock-out page.
    "axes.middleware.AxesMiddleware",
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
                "django.template.context_processors.csp",
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

# Sign-in. django-axes counts failed passwords before Django checks the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five wrong passwords lock the account (from any address), and five from one address lock
# that address (for any account), for an hour or until an administrator unlocks it (Users ->
# "Unlock sign-in", or manage.py axes_reset_username / axes_reset_ip).
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_COOLOFF_TIME = datetime.timedelta(hours=1)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "users/locked_out.html"
# The proxies in front of the portal (the front cache), whose X-Forwarded-For is believed.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
AXES_CLIENT_IP_CALLABLE = "users.addresses.client_address"

# Two-factor sign-in (django-otp, a code from an authenticator app): required for everyone
# whose group holds "Must sign in with a code" (reviewers and administrators, by a data
# migration in review/); offered to writers from their account menu. dev.py turns it off
# for the demo accounts.
PORTAL_TWO_FACTOR_REQUIRED = True
OTP_TOTP_ISSUER = "MS relapse portal"
WAGTAILADMIN_USER_LOGIN_FORM = "users.forms.LoginForm"

# Staff sessions end after 30 minutes without a request, and a working day after signing in
# whatever happens (users.sessions). Patients have no session at all.
SESSION_ENGINE = "users.sessions"
SESSION_COOKIE_AGE = 30 * 60
SESSION_SAVE_EVERY_REQUEST = True
PORTAL_SESSION_WORKING_DAY = datetime.timedelta(hours=8)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
# The portal's words for Wagtail's workflow ("Send back for changes", not "Request changes"):
# English catalogs here take precedence over Wagtail's own.
LOCALE_PATHS = [BASE_DIR / "locale"]
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

# Content-Security-Policy (Django's own). Patient pages run no inline script or style at all,
# so no nonce is needed and a cached page stays valid for everyone. The admin gets its own,
# looser policy (relapse_portal.urls): Wagtail's widgets write small inline scripts.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
}
ADMIN_CSP = {
    **SECURE_CSP,
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "frame-src": [CSP.SELF],
    "base-uri": [CSP.SELF],
}
# Browser features no page of the portal uses are switched off (django-permissions-policy).
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    ]
}

# Huge or hostile requests get a 400, not a crash.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

# Wagtail
WAGTAIL_SITE_NAME = "MS relapse treatment portal"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's PostgreSQL backend, which search.backend extends to keep the words the site knows.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "search.backend"},
}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "txt"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars fetched from Gravatar: staff e-mail addresses stay here, and the admin's
# Content-Security-Policy loads images from the portal only.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_RICH_TEXT_EDITORS = {"default": {"WIDGET": "core.widgets.RichTextArea"}}
# The content API (content_api) gives rich text as HTML, with links to pages as real addresses.
WAGTAILAPI_RICH_TEXT_FORMAT = "html"

# Medical review (review/): approving publishes exactly the version the reviewer was shown.
# Wagtail's WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT is off: it restarts a review on any new
# revision, an autosave of the same text included, and silently turns an approval into a new
# submission. The review's task restarts it instead when what patients read changes.
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = False
WAGTAIL_FINISH_WORKFLOW_ACTION = "review.workflow.publish_approved_revision"
WAGTAILADMIN_COMMENTS_ENABLED = True
# Emails about a page waiting for review go to the medical reviewers, who decide, not to every
# superuser as well.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False

# Plain language: the US school grade (Flesch-Kincaid) a page should read at or below. Writers
# and reviewers see each page's grade in the editor; a page above it can still be saved.
PORTAL_READING_GRADE_TARGET = float(env("PORTAL_READING_GRADE_TARGET", "8"))
