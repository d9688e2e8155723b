"""The Python ceiling for `make bench`: Django with one view returning fixed bytes.

No database, no middleware, no templates: what any Django page costs under gunicorn before
the portal does anything. BARE_PAGE names the file whose bytes it returns (a saved page).
"""

import os
from pathlib import Path

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

BODY = Path(os.environ["BARE_PAGE"]).read_bytes()


def page(request):
    return HttpResponse(BODY, content_type="text/html; charset=utf-8")


urlpatterns = [path("", page), path("health/", page)]

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-only",  # noqa: S106 - signs nothing
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
)
application = get_wsgi_application()
