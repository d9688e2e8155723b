import importlib
import io
import secrets
import sys

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.test import RequestFactory

from demo.accounts import DEMO_ACCOUNTS
from relapse_portal.settings import base as base_settings
from review.roles import ADMINISTRATORS, REVIEWERS, WRITERS
from users.models import User

pytestmark = pytest.mark.django_db


def sign_in_request():
    """django-axes counts sign-ins per address, so authentication is always given a request."""
    return RequestFactory().post("/admin/login/")


def test_demo_accounts_are_refused_unless_debug_is_on(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("create_demo_accounts", stdout=io.StringIO())
    assert not User.objects.exists()


def test_one_demo_account_per_role_with_the_documented_passwords(settings):
    settings.DEBUG = True
    call_command("create_demo_accounts", stdout=io.StringIO())
    call_command("create_demo_accounts", stdout=io.StringIO())  # idempotent

    expected = {
        "admin": ("portal-admin-demo", ADMINISTRATORS),
        "writer": ("portal-writer-demo", WRITERS),
        "reviewer": ("portal-reviewer-demo", REVIEWERS),
    }
    assert User.objects.count() == len(expected)
    for username, (password, group) in expected.items():
        user = authenticate(sign_in_request(), username=username, password=password)
        assert user is not None, username
        assert list(user.groups.values_list("name", flat=True)) == [group]
        assert user.get_full_name()  # a real name for the "Medically reviewed by" line
    assert User.objects.get(username="admin").is_superuser
    assert not User.objects.get(username="reviewer").is_superuser


def test_production_refuses_the_demo_passwords_even_if_the_accounts_exist(settings, monkeypatch):
    settings.DEBUG = True
    call_command("create_demo_accounts", stdout=io.StringIO())
    # Production settings start only with a strong key; give them one, and read them afresh.
    monkeypatch.setattr(base_settings, "SECRET_KEY", secrets.token_urlsafe(50))
    monkeypatch.delitem(sys.modules, "relapse_portal.settings.production", raising=False)
    production = importlib.import_module("relapse_portal.settings.production")
    settings.AUTHENTICATION_BACKENDS = production.AUTHENTICATION_BACKENDS

    for account in DEMO_ACCOUNTS:
        assert (
            authenticate(sign_in_request(), username=account.username, password=account.password)
            is None
        )

    # Other passwords still work as usual.
    writer = User.objects.get(username="writer")
    writer.set_password("a long private passphrase")
    writer.save()
    assert (
        authenticate(sign_in_request(), username="writer", password="a long private passphrase")
        == writer
    )
