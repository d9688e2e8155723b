"""WSGI entry point. Deployments set DJANGO_SETTINGS_MODULE (normally to production)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "relapse_portal.settings.production")

application = get_wsgi_application()
