"""Wagtail's PostgreSQL search backend, which also keeps the words the site knows up to date.

Set as WAGTAILSEARCH_BACKENDS' default. Wagtail indexes a page each time it is saved, reading
it back from the database (so a live page's live version, never a draft kept in a revision), and
again when ``manage.py update_index`` rebuilds the index; the page's names are written then.
"""

from wagtail.search.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
)

from search import vocabulary


class PortalIndex(PostgresIndex):
    def add_items(self, model, objs):
        super().add_items(model, objs)
        vocabulary.remember(objs)


class PortalSearchBackend(PostgresSearchBackend):
    index_class = PortalIndex


SearchBackend = PortalSearchBackend
