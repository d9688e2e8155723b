from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from redis.exceptions import RedisError

from core.shared_cache import content_version


@never_cache
def health(request):
    """Varnish's health probe: 200 while this app server can reach PostgreSQL and its cache
    (Redis, with several app servers), else 503.

    While no app server is healthy, Varnish serves the pages it has (grace).
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    try:
        content_version()
    except (RedisError, OSError):  # Redis, or the file cache's directory
        return HttpResponse("cache unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")
