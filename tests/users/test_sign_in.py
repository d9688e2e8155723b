"""Sign-in fit for medical sign-off: no password guessing, a second factor for those who
publish, and sessions that end."""

import datetime
import secrets
import subprocess
import sys

import pytest
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from review.roles import ADMINISTRATORS, REVIEWERS, WRITERS
from tests.factories import UserFactory
from users.sessions import SIGNED_IN_AT

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"
LOGIN = reverse("wagtailadmin_login")
HOME = reverse("wagtailadmin_home")


def member_of(group, **attrs):
    user = UserFactory(**attrs)
    user.groups.set([Group.objects.get(name=group)])
    return user


def sign_in(client, username, password=PASSWORD, address="127.0.0.1", **extra):
    return client.post(
        LOGIN, {"username": username, "password": password, **extra}, REMOTE_ADDR=address
    )


def signed_in(client):
    return client.get(HOME).status_code == 200


def current_code(device, later=0):
    """The code the authenticator app shows now, or ``later`` periods of 30 seconds on
    (django-otp never accepts the same code twice, and allows one period of clock drift)."""
    t0 = device.t0 - later * device.step
    return f"{totp(device.bin_key, device.step, t0, device.digits):06d}"


# Password guessing ------------------------------------------------------------------------


def test_five_wrong_passwords_lock_the_account_even_for_the_right_password():
    writer = member_of(WRITERS, username="wendy")
    client = Client()
    attempts = 0
    while attempts < 50:
        attempts += 1
        response = sign_in(client, writer.username, "wrong guess")
        if response.status_code != 200:
            break

    assert attempts == 5
    response = sign_in(client, writer.username)
    assert response.status_code == 429
    assert "Sign-in locked" in response.content.decode()
    assert "ask a site administrator to unlock" in response.content.decode()
    assert not signed_in(client)


def test_a_locked_account_stays_locked_from_another_address():
    reviewer = member_of(REVIEWERS, username="riley")
    for _ in range(5):
        sign_in(Client(), reviewer.username, "wrong guess", address="10.0.0.1")
    client = Client()
    assert sign_in(client, reviewer.username, address="10.0.0.2").status_code == 429
    assert not signed_in(client)


def test_one_address_guessing_many_accounts_is_locked_out():
    writer = member_of(WRITERS, username="wendy")
    for number in range(5):
        sign_in(Client(), f"someone{number}", "wrong guess", address="10.0.0.9")
    assert sign_in(Client(), writer.username, address="10.0.0.9").status_code == 429
    other_address = Client()
    sign_in(other_address, writer.username, address="10.0.0.10")
    assert signed_in(other_address)


def test_a_right_password_before_the_limit_resets_the_count():
    writer = member_of(WRITERS, username="wendy")
    for _ in range(4):
        sign_in(Client(), writer.username, "wrong guess")
    sign_in(Client(), writer.username)
    for _ in range(4):
        sign_in(Client(), writer.username, "wrong guess")
    client = Client()
    sign_in(client, writer.username)
    assert signed_in(client)


def test_an_administrator_unlocks_a_locked_account():
    writer = member_of(WRITERS, username="wendy")
    for _ in range(5):
        sign_in(Client(), writer.username, "wrong guess")
    admin = Client()
    admin.force_login(member_of(ADMINISTRATORS, username="ada", is_superuser=True))
    unlock = reverse("unlock_sign_in", args=[writer.pk])
    assert unlock in admin.get(reverse("wagtailusers_users:index")).content.decode()

    admin.post(unlock)

    client = Client()
    sign_in(client, writer.username)
    assert signed_in(client)
    assert unlock not in admin.get(reverse("wagtailusers_users:index")).content.decode()


@pytest.mark.parametrize("group", [WRITERS, REVIEWERS])
def test_writers_and_reviewers_cannot_unlock_accounts(group):
    locked = member_of(WRITERS, username="wendy")
    for _ in range(5):
        sign_in(Client(), locked.username, "wrong guess")
    client = Client()
    client.force_login(member_of(group, username="someone"))
    client.post(reverse("unlock_sign_in", args=[locked.pk]))
    assert sign_in(Client(), locked.username).status_code == 429


# Two-factor sign-in ---------------------------------------------------------------------


@pytest.fixture
def two_factor_required(settings):
    settings.PORTAL_TWO_FACTOR_REQUIRED = True


@pytest.mark.parametrize(
    ("group", "superuser"), [(REVIEWERS, False), (ADMINISTRATORS, False), (WRITERS, True)]
)
def test_reviewers_and_administrators_set_up_two_factor_before_anything_else(
    two_factor_required, group, superuser
):
    user = member_of(group, username="riley", is_superuser=superuser)
    client = Client()
    sign_in(client, user.username)

    response = client.get(reverse("wagtailadmin_explore_root"))
    assert response.status_code == 302
    assert response.url == reverse("two_factor_setup")
    setup = client.get(reverse("two_factor_setup")).content.decode()
    assert "needs two-factor sign-in" in setup
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert "<svg" in setup and device.config_url

    client.post(reverse("two_factor_setup"), {"otp_token": current_code(device)})

    assert signed_in(client)
    device.refresh_from_db()
    assert device.confirmed


def test_a_wrong_code_does_not_set_up_two_factor(two_factor_required):
    reviewer = member_of(REVIEWERS, username="riley")
    client = Client()
    sign_in(client, reviewer.username)
    client.get(reverse("two_factor_setup"))
    response = client.post(reverse("two_factor_setup"), {"otp_token": "000000"})
    assert "That code is not right" in response.content.decode()
    assert not signed_in(client)


def test_once_set_up_the_code_is_asked_for_at_sign_in(two_factor_required):
    reviewer = member_of(REVIEWERS, username="riley")
    device = TOTPDevice.objects.create(user=reviewer, name="phone", confirmed=True)

    without_code = Client()
    response = sign_in(without_code, reviewer.username)
    assert "Enter the current code from your authenticator app" in response.content.decode()
    assert not signed_in(without_code)

    with_code = Client()
    sign_in(with_code, reviewer.username, otp_token=current_code(device))
    assert signed_in(with_code)


def test_an_administrator_resets_two_factor_for_a_lost_phone():
    reviewer = member_of(REVIEWERS, username="riley")
    TOTPDevice.objects.create(user=reviewer, name="lost phone", confirmed=True)
    admin = Client()
    admin.force_login(member_of(ADMINISTRATORS, username="ada", is_superuser=True))
    reset = reverse("reset_two_factor", args=[reviewer.pk])
    assert reset in admin.get(reverse("wagtailusers_users:index")).content.decode()
    writer = Client()
    writer.force_login(member_of(WRITERS, username="wendy"))
    writer.post(reset)
    assert TOTPDevice.objects.filter(user=reviewer).exists()

    admin.post(reset)

    client = Client()
    sign_in(client, reviewer.username)  # no code asked for: they set up a new app next
    assert signed_in(client)
    assert not TOTPDevice.objects.filter(user=reviewer).exists()


def test_writers_are_offered_two_factor_but_not_made_to(two_factor_required):
    writer = member_of(WRITERS, username="wendy")
    client = Client()
    sign_in(client, writer.username)
    assert signed_in(client)
    account = client.get(reverse("wagtailadmin_account")).content.decode()
    assert reverse("two_factor_setup") in account

    client.get(reverse("two_factor_setup"))
    device = TOTPDevice.objects.get(user=writer)
    client.post(reverse("two_factor_setup"), {"otp_token": current_code(device)})

    client.logout()
    sign_in(client, writer.username)
    assert not signed_in(client)
    sign_in(client, writer.username, otp_token=current_code(device, later=1))
    assert signed_in(client)


def test_demo_accounts_sign_in_with_a_password_alone_under_make_run(settings):
    settings.PORTAL_TWO_FACTOR_REQUIRED = False
    reviewer = member_of(REVIEWERS, username="riley")
    client = Client()
    sign_in(client, reviewer.username)
    assert signed_in(client)
    dev = subprocess.run(
        [
            sys.executable,
            "-c",
            "from relapse_portal.settings import dev, production;"
            "print(dev.PORTAL_TWO_FACTOR_REQUIRED, production.PORTAL_TWO_FACTOR_REQUIRED)",
        ],
        capture_output=True,
        text=True,
        env={
            "SECRET_KEY": secrets.token_urlsafe(64),
            "DATABASE_URL": "postgres://h/db",
            "ALLOWED_HOSTS": "x",
            "CSRF_TRUSTED_ORIGINS": "https://x",
            "PATH": "",
        },
        check=True,
    )
    assert dev.stdout.split() == ["False", "True"]


# Sessions that end ------------------------------------------------------------------------


def session_row(client):
    return Session.objects.get(session_key=client.session.session_key)


def test_a_session_ends_after_thirty_minutes_without_a_request():
    writer = member_of(WRITERS, username="wendy")
    client = Client()
    sign_in(client, writer.username)
    client.get(HOME)
    expiry = session_row(client).expire_date
    assert abs(expiry - (timezone.now() + datetime.timedelta(minutes=30))) < datetime.timedelta(
        seconds=30
    )


def test_a_session_ends_a_working_day_after_signing_in_however_busy():
    writer = member_of(WRITERS, username="wendy")
    client = Client()
    sign_in(client, writer.username)
    session = client.session
    session[SIGNED_IN_AT] = (timezone.now() - datetime.timedelta(hours=7, minutes=50)).timestamp()
    session.save()

    client.get(HOME)
    assert session_row(client).expire_date < timezone.now() + datetime.timedelta(minutes=11)

    session = client.session
    session[SIGNED_IN_AT] = (timezone.now() - datetime.timedelta(hours=8, minutes=1)).timestamp()
    session.save()
    client.get(HOME)  # the request that finds the day over
    assert not signed_in(client)


# Behind the front cache ---------------------------------------------------------------------


def test_behind_a_trusted_proxy_each_visitor_is_counted_by_their_own_address(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    writer = member_of(WRITERS, username="wendy")
    for number in range(5):
        Client().post(
            LOGIN,
            {"username": f"someone{number}", "password": "wrong guess"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR="198.51.100.7",
        )
    guesser = Client()
    guessed = guesser.post(
        LOGIN,
        {"username": writer.username, "password": PASSWORD},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )
    assert guessed.status_code == 429
    colleague = Client()
    colleague.post(
        LOGIN,
        {"username": writer.username, "password": PASSWORD},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.20",
    )
    assert signed_in(colleague)


def test_a_forged_forwarded_address_does_not_escape_the_lock(settings):
    settings.TRUSTED_PROXIES = []
    writer = member_of(WRITERS, username="wendy")
    for number in range(5):
        Client().post(
            LOGIN,
            {"username": f"someone{number}", "password": "wrong guess"},
            REMOTE_ADDR="198.51.100.7",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{number}",
        )
    response = Client().post(
        LOGIN,
        {"username": writer.username, "password": PASSWORD},
        REMOTE_ADDR="198.51.100.7",
        HTTP_X_FORWARDED_FOR="203.0.113.99",
    )
    assert response.status_code == 429
