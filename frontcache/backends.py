import logging
from urllib.error import URLError
from urllib.request import Request, urlopen

from wagtail.contrib.frontend_cache.backends import HTTPBackend

logger = logging.getLogger(__name__)


class VarnishBackend(HTTPBackend):
    """Wagtail's HTTP purge of a page's own URL, plus purge by cache tag (Varnish's xkey).

    Configured in WAGTAILFRONTENDCACHE like Wagtail's HTTPBackend: LOCATION is the Varnish.
    """

    def __init__(self, params):
        self.location = params["LOCATION"].rstrip("/")
        super().__init__(params)

    def purge_tags(self, tags) -> None:
        """Remove every cached response tagged with any of ``tags`` (portal.vcl)."""
        request = Request(  # noqa: S310 - LOCATION comes from settings
            f"{self.location}/",
            method="PURGE",
            headers={"xkey-purge": " ".join(sorted(tags))},
        )
        try:
            with urlopen(request, timeout=5):  # noqa: S310 - LOCATION comes from settings
                pass
        except (URLError, OSError) as error:
            logger.error("Could not purge %s from %s: %s", sorted(tags), self.location, error)
