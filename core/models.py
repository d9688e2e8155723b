from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.models import Page

# Rich text in a page section: no headings (the template gives each section its heading,
# which keeps one h1 and headings in order), no embeds or images.
SECTION_FEATURES = ["bold", "italic", "link", "ul", "ol"]


class PortalPage(Page):
    """What every page patients read has in common."""

    class Meta:
        abstract = True

    @property
    def search_snippet(self) -> str:
        """A line or two shown under the page's title in search results."""
        return self.search_description


def plain_snippet(html: str, words: int = 40) -> str:
    """Rich text as a short line of plain text."""
    return Truncator(strip_tags(html)).words(words)
