"""The health check Varnish probes: an app server that cannot serve pages says so."""

import pytest

from deploy import stack

pytestmark = pytest.mark.django_db


def test_an_app_server_with_its_database_and_cache_is_healthy(client):
    response = client.get("/health/")

    assert (response.status_code, response.text) == (200, "ok")
    assert "no-cache" in response["Cache-Control"]


def test_an_app_server_that_cannot_reach_its_cache_is_unhealthy(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{stack.free_port()}/0",  # nothing listens there
        }
    }

    response = client.get("/health/")

    assert (response.status_code, response.text) == (503, "cache unavailable")
