"""A limit on how often one address may send feedback, kept without keeping the address.

The address is the reader's own, behind the front cache too (users.addresses, TRUSTED_PROXIES).

The count lives in Django's cache under a keyed hash of the address (HMAC with the site's
secret key), and expires with its window: nothing in the database, no cookie. Production's
cache is shared by every worker (files on the server, or Redis for several app servers), so
the limit holds whichever one answers.
"""

from django.core.cache import cache
from django.utils.crypto import salted_hmac

from users.addresses import client_address

POSTS_PER_WINDOW = 10
WINDOW_SECONDS = 10 * 60


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
