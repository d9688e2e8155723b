from django.conf import settings
from django.db import models
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail_periodic_review.models import PeriodicReviewMixin, ReviewFrequencyChoices

from core.panels import PanelFromHook, ReadingGradePanel

# Rich text in a page section: no headings (the template gives each section its heading,
# which keeps one h1 and headings in order), no embeds or images; citations of sources (a
# feature the sources app registers).
SECTION_FEATURES = ["bold", "italic", "link", "ul", "ol", "citation"]


class PortalPage(PeriodicReviewMixin, Page):
    """What every page patients read has in common, including its medical review record.

    wagtail-periodic-review supplies last_review_date, next_review_date and the per-page
    review frequency; the medical review workflow records who reviewed the page.
    """

    # wagtail-periodic-review keeps this out of forms; writers set it per page here. Empty
    # means the site's rule for the page type (12 months unless an administrator changes it).
    custom_review_frequency = models.PositiveIntegerField(
        "medical review interval",
        null=True,
        blank=True,
        choices=ReviewFrequencyChoices.choices,
        help_text="How often this page must be medically re-reviewed. Leave empty for the "
        "usual 12 months; choose a shorter interval for fast-changing topics.",
    )
    last_reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The medical reviewer who approved the live version.",
    )

    # Under the title, above the page type's own fields: how plainly the page reads, and which
    # statements have a source (a panel the sources app supplies).
    content_panels = [
        *Page.content_panels,
        ReadingGradePanel(),
        PanelFromHook("register_portal_page_sources_panel"),
    ]
    settings_panels = [
        *Page.settings_panels,
        MultiFieldPanel([FieldPanel("custom_review_frequency")], heading="Medical review"),
    ]

    class Meta:
        abstract = True

    @property
    def search_snippet(self) -> str:
        """A line or two shown under the page's title in search results."""
        return self.search_description

    def schema_entity(self, request) -> dict | None:
        """What the page is about, as a schema.org entity with an ``@id``; None for nothing.

        The page's structured data names it as the page's main entity. Page types that
        describe a thing (a treatment, say) override this.
        """
        return None


def plain_snippet(html: str, words: int = 40) -> str:
    """Rich text as a short line of plain text."""
    return Truncator(strip_tags(html)).words(words)
