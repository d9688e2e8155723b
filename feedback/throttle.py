"""A limit on how often one address may send feedback, kept without keeping the address.

The count lives in Django's cache under a keyed hash of the address (HMAC with the site's
secret key), and expires with its window: nothing in the database, no cookie. Production's
cache is shared by every worker (files on the server, or Redis for several app servers), so
the limit holds whichever one answers.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

POSTS_PER_WINDOW = 10
WINDOW_SECONDS = 10 * 60


def client_address(request) -> str:
    """The reader's address, as seen by the first proxy the site trusts (or by Django)."""
    proxies = settings.PORTAL_TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.headers.get("X-Forwarded-For", "").split(",")]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def allow(request) -> bool:
    """Count one post from the request's address; False once it has posted too often."""
    address = client_address(request)
    key = "feedback-throttle:" + salted_hmac("feedback", address, algorithm="sha256").hexdigest()
    if cache.add(key, 1, timeout=WINDOW_SECONDS):
        return True
    try:
        return cache.incr(key) <= POSTS_PER_WINDOW
    except ValueError:  # the window ended between the two calls
        cache.add(key, 1, timeout=WINDOW_SECONDS)
        return True
