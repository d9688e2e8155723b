"""The address a sign-in comes from, as django-axes counts it (AXES_CLIENT_IP_CALLABLE).

Behind the front cache, REMOTE_ADDR is the proxy's address for everyone: one visitor's
guesses would lock all staff out. The proxies named in TRUSTED_PROXIES are skipped, reading
X-Forwarded-For from the right (each proxy appends the address it got the request from).
Without trusted proxies, X-Forwarded-For is never believed: anyone can send one.
"""

from django.conf import settings


def client_address(request) -> str | None:
    address = request.META.get("REMOTE_ADDR")
    trusted = set(settings.TRUSTED_PROXIES)
    if address not in trusted:
        return address
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for hop in reversed([hop.strip() for hop in forwarded.split(",") if hop.strip()]):
        if hop not in trusted:
            return hop
    return address
