"""The library of sources: the published evidence that the portal's statements rest on.

A source is a reviewed record, like a page: writers add and change sources, a medical reviewer
approves each version in the "Medical review" workflow, and only the approved (live) version is
ever shown to patients. Approving a source is also checking it: a source's "last checked" date
is the date of the latest approval, read from the workflow's own record.
"""

import datetime
import re

from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator, URLValidator
from django.db import models
from django.db.models import CharField, DateTimeField, F, Func, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.dispatch import Signal
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Page,
    RevisionMixin,
    TaskState,
    WorkflowMixin,
)
from wagtail.search import index

# Sent when a live, current source becomes superseded or withdrawn (``source``: its live
# version); sources.watch flags the pages that cite it.
source_superseded_or_withdrawn = Signal()


class SourceKind(models.TextChoices):
    REGULATOR = "regulator", "Regulator label or safety communication"
    GUIDELINE = "guideline", "Clinical guideline"
    SYSTEMATIC_REVIEW = "systematic_review", "Systematic review"
    TRIAL = "trial", "Clinical trial"
    PATIENT_ORGANIZATION = "patient_organization", "Patient organization page"
    PATIENT_PAGE = "patient_page", "Other web page for patients"
    TEXTBOOK = "textbook", "Textbook"


class SourceStatus(models.TextChoices):
    CURRENT = "current", "Current"
    SUPERSEDED = "superseded", "Superseded by another source"
    WITHDRAWN = "withdrawn", "Withdrawn"


class CheckInterval(models.IntegerChoices):
    THREE_MONTHS = 3, "3 months"
    SIX_MONTHS = 6, "6 months"
    TWELVE_MONTHS = 12, "12 months"
    TWO_YEARS = 24, "2 years"


# Crossref's pattern for the DOIs it issues: "10.", a registrant code, "/", a suffix.
DOI_PATTERN = re.compile(r"^10\.\d{4,9}/[-._;()/:A-Za-z0-9<>\[\]]+$")
DOI_PREFIXES = re.compile(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)", re.IGNORECASE)


class DOIField(models.CharField):
    """A DOI such as 10.1000/xyz123, also accepted as "doi:..." or a doi.org address."""

    default_validators = [
        RegexValidator(
            DOI_PATTERN,
            "Enter a DOI such as 10.1056/NEJMoa1234567 (a doi.org address works too).",
        )
    ]

    def to_python(self, value):
        value = super().to_python(value)
        return DOI_PREFIXES.sub("", value.strip()) if value else value


class SourceQuerySet(models.QuerySet):
    def live(self):
        return self.filter(live=True)

    def with_last_checked(self):
        """Annotate ``last_checked_at``: when a medical reviewer last approved the source
        (None if never), and ``next_check_at``: that plus the source's check interval."""
        approvals = TaskState.objects.filter(
            workflow_state__base_content_type=ContentType.objects.get_for_model(Source),
            workflow_state__object_id=Cast(OuterRef("pk"), output_field=CharField()),
            status=TaskState.STATUS_APPROVED,
        ).order_by("-finished_at")
        return self.annotate(
            last_checked_at=Subquery(approvals.values("finished_at")[:1]),
            next_check_at=models.ExpressionWrapper(
                F("last_checked_at") + MonthsInterval(F("check_interval")),
                output_field=DateTimeField(),
            ),
        )

    def due_for_checking(self, within=datetime.timedelta(days=30)):
        """Live, current sources never checked, or due a check within ``within``, soonest
        first (never checked first of all)."""
        return (
            self.live()
            .filter(status=SourceStatus.CURRENT)
            .with_last_checked()
            .filter(Q(last_checked_at=None) | Q(next_check_at__lte=timezone.now() + within))
            .order_by(F("next_check_at").asc(nulls_first=True), "title")
        )


class MonthsInterval(Func):
    """PostgreSQL's interval of a number of months."""

    template = "make_interval(months => %(expressions)s)"
    output_field = models.DurationField()


class Source(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, models.Model
):
    """A published piece of evidence that statements on the portal can cite."""

    title = models.CharField(
        max_length=300, help_text="As the source itself gives it, e.g. the page's heading."
    )
    authors = models.CharField(
        "publisher or authors",
        max_length=300,
        help_text='Who published or wrote it, e.g. "US Food and Drug Administration".',
    )
    kind = models.CharField(max_length=30, choices=SourceKind.choices)
    date_published = models.DateField(
        "date published",
        null=True,
        blank=True,
        help_text="Leave empty if the source gives no date.",
    )
    url = models.URLField(
        "web address",
        max_length=500,
        blank=True,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text="Where readers can find it. Leave empty if it is not on the web.",
    )
    doi = DOIField(
        "DOI",
        max_length=200,
        blank=True,
        help_text="For a journal article, e.g. 10.1056/NEJMoa1234567.",
    )
    check_interval = models.PositiveSmallIntegerField(
        choices=CheckInterval.choices,
        default=CheckInterval.TWELVE_MONTHS,
        help_text="How often a medical reviewer checks that it is still current.",
    )
    status = models.CharField(
        max_length=20,
        choices=SourceStatus.choices,
        default=SourceStatus.CURRENT,
        help_text="Marking a source superseded or withdrawn sends every page that cites it "
        "for medical re-review as soon as the change is approved.",
    )
    superseded_by = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="supersedes",
        help_text="The source that replaces this one.",
    )

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="source")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="source",
        for_concrete_model=False,
    )

    objects = SourceQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("authors"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date_published")]),
        MultiFieldPanel([FieldPanel("url"), FieldPanel("doi")], heading="Where to find it"),
        MultiFieldPanel(
            [FieldPanel("check_interval"), FieldPanel("status"), FieldPanel("superseded_by")],
            heading="Is it still current?",
        ),
    ]
    search_fields = [
        index.SearchField("title", boost=2),
        index.AutocompleteField("title"),
        index.SearchField("authors"),
        index.SearchField("doi"),
        index.FilterField("live"),
        index.FilterField("status"),
    ]

    class Meta:
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(fields=["doi"], condition=~Q(doi=""), name="unique_source_doi"),
            models.CheckConstraint(
                condition=Q(status=SourceStatus.SUPERSEDED, superseded_by__isnull=False)
                | (~Q(status=SourceStatus.SUPERSEDED) & Q(superseded_by__isnull=True)),
                name="superseded_source_names_its_replacement",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def revisions(self):
        return self._revisions

    @property
    def doi_url(self) -> str:
        return f"https://doi.org/{self.doi}" if self.doi else ""

    def clean(self):
        super().clean()
        if self.status == SourceStatus.SUPERSEDED:
            if self.superseded_by_id is None:
                raise ValidationError(
                    {"superseded_by": "Choose the source that replaces this one."}
                )
            if self.pk is not None and self.superseded_by_id == self.pk:
                raise ValidationError({"superseded_by": "A source cannot replace itself."})
        elif self.superseded_by_id is not None:
            raise ValidationError(
                {
                    "superseded_by": "Only a superseded source has a replacement: clear this, "
                    "or mark the source superseded."
                }
            )

    def publish(self, revision, *args, **kwargs):
        """Publish; say so when a live, current source becomes superseded or withdrawn."""
        was = Source.objects.filter(pk=self.pk, live=True).values_list("status", flat=True)
        was_current = was.first() == SourceStatus.CURRENT
        result = super().publish(revision, *args, **kwargs)
        now = Source.objects.get(pk=self.pk)
        if was_current and now.live and now.status != SourceStatus.CURRENT:
            source_superseded_or_withdrawn.send(sender=Source, source=now)
        return result


class EvidenceFlag(models.Model):
    """A live page that cites a source which became superseded or withdrawn: it needs medical
    re-review. The flag is cleared when a medical reviewer next approves the page."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="evidence_flags")
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="flags")
    status = models.CharField("source became", max_length=20, choices=SourceStatus.choices)
    raised_at = models.DateTimeField(default=timezone.now)
    cleared_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-raised_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "source"],
                condition=Q(cleared_at=None),
                name="one_open_flag_per_page_and_source",
            )
        ]

    def __str__(self):
        return f"{self.page}: {self.source} is {self.get_status_display().lower()}"
