from django.contrib.postgres.indexes import GinIndex
from django.db import models


class KnownName(models.Model):
    """A name a page is known by (its title or another name), or one word of such a name.

    These are the words the site knows: "Did you mean ...?", spelling correction and the
    suggestions under the search box come from them. The search backend (search.backend)
    writes them whenever Wagtail indexes a page, from the page as stored (for a live page, its
    live version), and they are only ever read through live, public pages, so a draft's words
    are never offered.
    """

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    text = models.CharField(max_length=255)
    is_name = models.BooleanField(
        help_text="A whole name, offered as a suggestion; otherwise one word of a name, used "
        "to correct spelling."
    )

    class Meta:
        indexes = [
            # pg_trgm's trigram index: finds near spellings without reading every row.
            GinIndex(fields=["text"], opclasses=["gin_trgm_ops"], name="search_knownname_trgm"),
        ]

    def __str__(self):
        return self.text
