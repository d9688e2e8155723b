from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index
from wagtail_periodic_review.models import PeriodicReviewMixin, ReviewFrequencyChoices

from core.forms import PortalPageForm
from core.panels import PanelsFromHook, ReadingGradePanel
from core.permissions import PortalPagePermissionTester
from core.serializers import ReviewRecordField
from core.shared_cache import shared

# Rich text in a page section: no headings (the template gives each section its heading,
# which keeps one h1 and headings in order), no embeds or images; citations of sources (a
# feature the sources app registers).
SECTION_FEATURES = ["bold", "italic", "link", "ul", "ol", "citation"]

# The app that runs the medical review answers this hook: given a revision's id, the approval of
# that revision (with `reviewer_name` and `approved_at`), or None if no reviewer approved it.
MEDICAL_REVIEW_HOOK = "medical_review_of_revision"
# And this one: given a live page, the change notes of its approved versions that went live
# (each with `approved_at` and `change_note`), newest first.
PUBLISHED_UPDATES_HOOK = "published_updates_of_page"


def approval_of(revision_id):
    """The medical reviewer's approval of a page revision, from the app that keeps them
    (``MEDICAL_REVIEW_HOOK``); None if nobody approved it."""
    for approval_of_revision in hooks.get_hooks(MEDICAL_REVIEW_HOOK):
        return approval_of_revision(revision_id)
    return None


class PortalPage(PeriodicReviewMixin, Page):
    """What every page patients read has in common, including its medical review record.

    wagtail-periodic-review supplies last_review_date, next_review_date and the per-page
    review frequency; the medical review records who approved which version (see
    `medical_review`), and dates the periodic review from it.
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
    # Page content like any other field: reviewed with the page, live only once approved.
    search_names = ArrayField(
        models.CharField(max_length=100),
        verbose_name="other names patients search for",
        blank=True,
        default=list,
        help_text="Other names, spellings and abbreviations patients may type in the search "
        "box, separated by commas, e.g. a brand name or a lay word. Search finds the page by "
        "them, and by near misspellings of them.",
    )

    base_form_class = PortalPageForm

    # Under the title, above the page type's own fields: what changed (for the list of updates
    # patients read), other names, how plainly the page reads, and what other apps show about
    # the page (which statements have a source, readers' feedback).
    content_panels = [
        *Page.content_panels,
        FieldPanel("change_note"),  # a field of the form, kept with the submission
        FieldPanel("search_names"),
        ReadingGradePanel(),
        PanelsFromHook("register_portal_page_panel"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("search_names", boost=2)]
    # What partners read in the content API (content_api), besides the title and meta fields.
    # Page types add their own fields after these.
    api_fields = [APIField("search_names"), APIField("review", serializer=ReviewRecordField())]
    settings_panels = [
        *Page.settings_panels,
        MultiFieldPanel([FieldPanel("custom_review_frequency")], heading="Medical review"),
    ]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["medical_review"] = self.medical_review(request)
        context["published_updates"] = self.published_updates(request)
        context["last_updated"] = self.last_updated(request)
        return context

    def last_updated(self, request):
        """When the version patients read went live, or None for a preview (not live)."""
        if getattr(request, "is_preview", False) or not self.live:
            return None
        return self.last_published_at

    def published_updates(self, request) -> list:
        """What changed in each approved version of the page that went live, newest first
        (each with `approved_at` and `change_note`). A preview shows none: it is not live.

        The list changes only by a publish, which starts a new content version: kept in the
        shared cache, read from it.
        """
        if getattr(request, "is_preview", False) or not self.live:
            return []

        def updates():
            for updates_of_page in hooks.get_hooks(PUBLISHED_UPDATES_HOOK):
                return list(updates_of_page(self))
            return []

        return shared(request, f"published-updates:{self.pk}:{self.live_revision_id}", updates)

    def medical_review(self, request):
        """The medical reviewer's approval of the version patients read (with `reviewer_name`
        and `approved_at`), or None if nobody approved it: it was published directly, by the
        demo loader or by an import. A preview shows a version patients do not read yet, so it
        claims no review.

        An approval never changes once given, and the live version changes only by a publish,
        which starts a new content version: kept in the shared cache, read from it.
        """
        if getattr(request, "is_preview", False) or self.live_revision_id is None:
            return None
        revision_id = self.live_revision_id
        # Wrapped in a list: the shared cache keeps no None, and "never reviewed" is an answer.
        (approval,) = shared(
            request, f"medical-review:{revision_id}", lambda: [approval_of(revision_id)]
        )
        return approval

    def get_view_restrictions(self):
        """The view restrictions on this page and its ancestors, in one query.

        Wagtail's own reads the ancestors first, to follow aliases to their source page. The
        ancestors' paths are known from the page's own path, and an alias's restrictions are
        its source page's, reached through the alias.
        """
        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths, page__alias_of__isnull=True) | Q(page__aliases__path__in=paths)
        ).distinct()

    def permissions_for_user(self, user):
        return PortalPagePermissionTester(user, self)

    def known_names(self) -> list[str]:
        """Every name the page is known by: its title, then its other names."""
        return [self.title, *self.search_names]

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
