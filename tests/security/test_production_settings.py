"""Production settings pass Django's deploy check and refuse a weak SECRET_KEY at start-up."""

import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

STRONG_KEY = secrets.token_urlsafe(64)


def manage(*args, secret_key=STRONG_KEY):
    environment = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "relapse_portal.settings.production",
        "SECRET_KEY": secret_key,
        "DATABASE_URL": os.environ.get("DATABASE_URL", "postgres://localhost/portal"),
        "ALLOWED_HOSTS": "portal.example.org",
        "CSRF_TRUSTED_ORIGINS": "https://portal.example.org",
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_deploy_passes_under_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (2 silenced)." in result.stdout


@pytest.mark.parametrize(
    "weak_key",
    [
        "dev-only-insecure-key-never-used-in-production",
        "test-only-insecure-key",
        "django-insecure-" + secrets.token_urlsafe(40),
        "too-short-a-secret",
        "ab" * 40,
    ],
)
def test_production_refuses_to_start_with_a_weak_secret_key(weak_key):
    result = manage("check", secret_key=weak_key)
    assert result.returncode != 0
    assert "SECRET_KEY is weak" in result.stderr
