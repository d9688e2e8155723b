"""What is the same for every reader (the menu, glossary terms), kept in Django's cache.

Every entry belongs to the current *content version*, a token kept in the cache itself. A
publish anywhere starts a new version (``content_changed()``), which drops every entry at
once, on every app server that shares the cache (Redis), without knowing their keys.
"""

from uuid import uuid4

from django.core.cache import cache

VERSION_KEY = "portal:content-version"
# A safety net: an entry is rebuilt at least this often (seconds) even if nothing is published.
TIMEOUT = 60 * 60


def content_version(request=None) -> str:
    """The current content version, read once per request."""
    version = getattr(request, "_portal_content_version", None)
    if version is None:
        version = cache.get(VERSION_KEY)
        if version is None:
            cache.add(VERSION_KEY, uuid4().hex, timeout=None)
            version = cache.get(VERSION_KEY)
        if request is not None:
            request._portal_content_version = version
    return version


def shared(request, name: str, build):
    """The cached value called ``name`` for the current content, made by ``build()`` if absent.

    ``build()`` must return something the cache can store (picklable) and not None.
    """
    key = f"portal:{name}:{content_version(request)}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, TIMEOUT)
    return value


def content_changed() -> None:
    """Drop every shared entry: called once a change to published content is committed."""
    cache.set(VERSION_KEY, uuid4().hex, timeout=None)
