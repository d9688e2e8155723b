"""The production stack, for real: Varnish with the repository's VCL in front of two gunicorn
app servers running the portal (production settings) on the test database, sharing one Redis.

Started once per test session on free loopback ports, stopped at its end. A missing program
fails the tests, saying how to install it. Tests use real transactions, so the app servers
see the content a test makes; each starts from what the data migrations made (the home page,
the site, groups, the workflow), as the browser tests do (``migrated_rows``).
"""

import http.client
import secrets
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlencode

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client, override_settings
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from deploy import stack

# The app servers' only authentication backend (relapse_portal/settings/production.py).
APP_SERVER_SECRET_KEY = secrets.token_urlsafe(50)
PRODUCTION_AUTHENTICATION = "demo.backends.RefuseDemoPasswordsBackend"
HOST = "localhost"  # the Wagtail site's host name (home/migrations), in ALLOWED_HOSTS


@dataclass
class Reply:
    status: int
    headers: http.client.HTTPMessage
    text: str

    @property
    def cache(self) -> str | None:
        """How Varnish answered: hit, miss, pass or stale (deploy/varnish/portal.vcl)."""
        return self.headers.get("X-Cache")


@dataclass
class Visitor:
    """Someone using the site at ``port`` (Varnish, or one app server), keeping cookies."""

    port: int
    source: str = "127.0.0.1"
    cookies: dict = field(default_factory=dict)

    def request(self, method, path, body=None, headers=None) -> Reply:
        headers = {"Host": HOST, **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        conn = http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=10, source_address=(self.source, 0)
        )
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            reply = Reply(response.status, response.headers, response.read().decode())
        finally:
            conn.close()
        for header in reply.headers.get_all("Set-Cookie") or ():
            self.cookies.update({k: m.value for k, m in SimpleCookie(header).items()})
        return reply

    def get(self, path, **headers) -> Reply:
        return self.request("GET", path, headers=headers)

    def post(self, path, data) -> Reply:
        return self.request(
            "POST",
            path,
            body=urlencode(data),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "X-CSRFToken": self.cookies.get("csrftoken", ""),
            },
        )

    def log_in(self, user) -> None:
        """Log ``user`` in: a session in the shared database, its cookie in this browser.

        Production asks reviewers and administrators for a second factor: the session is one
        that has passed it, with a confirmed authenticator app.
        """
        client = Client()
        with override_settings(SECRET_KEY=APP_SERVER_SECRET_KEY):
            client.force_login(user, backend=PRODUCTION_AUTHENTICATION)
            device = TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)
            session = client.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()
        self.cookies["sessionid"] = client.cookies["sessionid"].value


@dataclass
class Stack:
    varnish: stack.Server
    varnish_port: int
    app_ports: list[int]
    redis_url: str
    app_server_env: dict

    def visitor(self, port=None, **kwargs) -> Visitor:
        return Visitor(port or self.varnish_port, **kwargs)


def database_url_for_tests() -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def app_server_env(database_url, redis_url, varnish_port) -> dict[str, str]:
    """Production settings, on loopback, with the test database, Redis and Varnish."""
    return {
        "DJANGO_SETTINGS_MODULE": "relapse_portal.settings.production",
        # Production refuses a weak key; the test process signs its sessions with this one.
        "SECRET_KEY": APP_SERVER_SECRET_KEY,
        "DATABASE_URL": database_url,
        "ALLOWED_HOSTS": f"{HOST},127.0.0.1",
        "CSRF_TRUSTED_ORIGINS": f"http://{HOST}",
        "PORTAL_LOOPBACK_HTTP": "true",
        "CACHE_BACKEND": "django.core.cache.backends.redis.RedisCache",
        "CACHE_LOCATION": redis_url,
        "FRONT_CACHE_URLS": f"http://127.0.0.1:{varnish_port}",
        "TRUSTED_PROXIES": "127.0.0.1",  # Varnish, which appends the reader's address
        "GUNICORN_LOG_LEVEL": "warning",
    }


def start_or_fail(start, *args, **kwargs):
    try:
        return start(*args, **kwargs)
    except stack.MissingTool as missing:
        pytest.fail(str(missing), pytrace=False)


@pytest.fixture(scope="session")
def production_stack(django_db_setup, tmp_path_factory):
    workdir = tmp_path_factory.mktemp("stack")
    servers = []
    try:
        redis, redis_port = start_or_fail(stack.start_redis, workdir)
        servers.append(redis)
        redis_url = f"redis://127.0.0.1:{redis_port}/0"
        varnish_port = stack.free_port()
        env = app_server_env(database_url_for_tests(), redis_url, varnish_port)
        # Production settings serve hashed static files, listed in the manifest.
        stack.manage(env, "collectstatic", "--noinput", "-v0")
        app_ports = []
        for _ in range(2):
            gunicorn, port = start_or_fail(stack.start_gunicorn, env, workdir, workers=1)
            servers.append(gunicorn)
            app_ports.append(port)
        varnish, _ = start_or_fail(stack.start_varnish, app_ports, workdir, port=varnish_port)
        servers.append(varnish)
        yield Stack(varnish, varnish_port, app_ports, redis_url, env)
    finally:
        for server in reversed(servers):
            server.stop()


def use_stack(settings, varnish_port, redis_url) -> None:
    """This test process publishes as an app server does: purging Varnish, sharing Redis."""
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "frontcache.backends.VarnishBackend",
            "LOCATION": f"http://127.0.0.1:{varnish_port}",
        }
    }
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
        }
    }
    cache.clear()


@pytest.fixture
def purged_once(settings):
    """No purge is sent again a second later: one sent for the rows ``migrated_rows`` loads
    (the site) would reach Varnish in the middle of the test."""
    settings.FRONT_CACHE_REPURGE_SECONDS = None


@pytest.fixture
def site(production_stack, purged_once, migrated_rows, settings):
    """The stack with an empty front cache and shared cache, for one test."""
    use_stack(settings, production_stack.varnish_port, production_stack.redis_url)
    stack.varnishadm(production_stack.varnish, "ban", "obj.status", "!=", "0")
    return production_stack


def wait_for(condition, timeout=10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)
