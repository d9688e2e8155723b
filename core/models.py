from django.conf import settings
from django.db import models
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.models import Page
from wagtail_periodic_review.models import PeriodicReviewMixin

# Rich text in a page section: no headings (the template gives each section its heading,
# which keeps one h1 and headings in order), no embeds or images.
SECTION_FEATURES = ["bold", "italic", "link", "ul", "ol"]


class PortalPage(PeriodicReviewMixin, Page):
    """What every page patients read has in common, including its medical review record.

    wagtail-periodic-review supplies last_review_date, next_review_date and the per-page
    review frequency; the medical review workflow records who reviewed the page.
    """

    last_reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The medical reviewer who approved the live version.",
    )

    class Meta:
        abstract = True

    @property
    def search_snippet(self) -> str:
        """A line or two shown under the page's title in search results."""
        return self.search_description


def plain_snippet(html: str, words: int = 40) -> str:
    """Rich text as a short line of plain text."""
    return Truncator(strip_tags(html)).words(words)
