from dataclasses import dataclass

from django import forms
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Prefetch
from django.db.models.functions import Lower
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from core.blocks import QuestionBlock
from core.models import SECTION_FEATURES, PortalPage, plain_snippet
from sources.blocks import sources_field

from .blocks import SafetyWarningBlock
from .serializers import ChoiceField, ChoicesField, SideEffectsField, TreatmentsField


class Route(models.TextChoices):
    """How a treatment gets into the body, in words a patient uses."""

    INTO_A_VEIN = "into_a_vein", "Into a vein (intravenous, IV)"
    BY_MOUTH = "by_mouth", "By mouth (oral)"
    UNDER_THE_SKIN = "under_the_skin", "Under the skin"


class RegulatoryStatus(models.TextChoices):
    FDA_APPROVED = "fda_approved", "FDA-approved for treating MS relapses"
    NOT_FDA_APPROVED = "not_fda_approved", "Not FDA-approved for treating MS relapses"
    NOT_STATED = "not_stated", "No FDA status is given for this treatment"


class SideEffectClass(models.TextChoices):
    """How the source classes a side effect for one treatment, most serious first."""

    SERIOUS = "serious", "Serious side effects"
    POTENTIAL = "potential", "Possible side effects"
    COMMON = "common", "Common side effects"


class TreatmentIndexPage(PortalPage):
    """ "How are MS relapses treated?": the general picture, then one page per treatment."""

    intro = RichTextField(
        features=SECTION_FEATURES,
        help_text="What relapse treatment aims to do, and which options exist.",
    )
    relapse_versus_long_term = RichTextField(
        "Relapse treatment and long-term treatment",
        features=SECTION_FEATURES,
        help_text="How relapse treatment differs from disease-modifying treatment (DMT), "
        "and why patients keep taking their DMT during a relapse.",
    )
    no_one_size_fits_all = RichTextField(
        "No one-size-fits-all plan",
        features=SECTION_FEATURES,
        help_text="Why treatment is decided person by person.",
    )
    relapse_ready = RichTextField(
        "Be relapse-ready",
        features=SECTION_FEATURES,
        help_text="Why keeping a record of past relapse treatments helps.",
    )
    under_investigation = RichTextField(
        "Treatments under investigation",
        features=SECTION_FEATURES,
        help_text="What clinical trials are studying now.",
    )
    disclaimer = RichTextField(
        features=SECTION_FEATURES,
        help_text="This site is education, not medical advice.",
    )

    content_panels = [
        *PortalPage.content_panels,
        FieldPanel("intro"),
        FieldPanel("relapse_versus_long_term"),
        FieldPanel("no_one_size_fits_all"),
        FieldPanel("relapse_ready"),
        FieldPanel("under_investigation"),
        FieldPanel("disclaimer"),
    ]
    search_fields = [
        *PortalPage.search_fields,
        index.SearchField("intro"),
        index.SearchField("relapse_versus_long_term"),
        index.SearchField("no_one_size_fits_all"),
        index.SearchField("relapse_ready"),
        index.SearchField("under_investigation"),
    ]
    api_fields = [
        *PortalPage.api_fields,
        APIField("intro"),
        APIField("relapse_versus_long_term"),
        APIField("no_one_size_fits_all"),
        APIField("relapse_ready"),
        APIField("under_investigation"),
        APIField("disclaimer"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["treatments.TreatmentPage", "treatments.TreatmentComparisonPage"]
    max_count = 1

    def treatments(self):
        return TreatmentPage.objects.child_of(self).live().public()

    def comparison_page(self):
        """The treatments side by side, if that page is published."""
        return TreatmentComparisonPage.objects.child_of(self).live().public().first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["treatments"] = self.treatments()
        context["comparison_page"] = self.comparison_page()
        return context


class TreatmentPage(PortalPage):
    """One relapse treatment, in the order a patient asks about it."""

    summary = models.TextField(
        max_length=400,
        help_text="One or two plain sentences shown in lists and search results.",
    )
    safety_warnings = StreamField(
        [("warning", SafetyWarningBlock())],
        blank=True,
        help_text="Important safety warnings. They are shown before anything else on the page.",
    )
    what_it_is = RichTextField("What it is", features=SECTION_FEATURES)
    how_it_works = RichTextField(
        "How it works",
        features=SECTION_FEATURES,
        blank=True,
        help_text="Leave empty if the source does not say; the section is then left out.",
    )
    routes = ArrayField(
        models.CharField(max_length=20, choices=Route.choices),
        blank=True,
        default=list,
        help_text="Every way this treatment is given.",
    )
    schedule = models.CharField(
        max_length=200,
        blank=True,
        help_text='How often and how long, if the source says, e.g. "Several sessions, '
        'each 48 hours apart".',
    )
    how_it_is_given = RichTextField(
        "How it is given",
        features=SECTION_FEATURES,
        blank=True,
        help_text="Leave empty if the source does not say.",
    )
    regulatory_status = models.CharField(
        max_length=20, choices=RegulatoryStatus.choices, default=RegulatoryStatus.NOT_STATED
    )
    regulatory_status_sources = sources_field("The sources that give this regulatory status.")
    regulatory_note = RichTextField(
        features=SECTION_FEATURES,
        blank=True,
        help_text="Why it may still be used if it is not approved, e.g. a recommendation by "
        "the American Academy of Neurology.",
    )
    who_it_may_suit = RichTextField(
        "Who it may suit",
        features=SECTION_FEATURES,
        blank=True,
        help_text="Which patients it is used for, as the source describes them.",
    )
    side_effects_note = RichTextField(
        features=SECTION_FEATURES,
        blank=True,
        help_text='Shown under the side effects, e.g. "These are not all of the possible '
        'side effects".',
    )
    questions_to_ask = StreamField(
        [("question", QuestionBlock())],
        blank=True,
        help_text='Questions a patient can ask about this treatment, shown in "Questions to '
        'ask your healthcare provider" when they choose it, e.g. "How many sessions will I '
        'need?"',
    )

    content_panels = [
        *PortalPage.content_panels,
        FieldPanel("summary"),
        FieldPanel("safety_warnings"),
        FieldPanel("what_it_is"),
        FieldPanel("how_it_works"),
        MultiFieldPanel(
            [
                FieldPanel("routes", widget=forms.CheckboxSelectMultiple(choices=Route.choices)),
                FieldPanel("schedule"),
                FieldPanel("how_it_is_given"),
            ],
            heading="How it is given",
        ),
        MultiFieldPanel(
            [
                FieldPanel("regulatory_status"),
                FieldPanel("regulatory_status_sources", heading="Sources"),
                FieldPanel("regulatory_note"),
            ],
            heading="Regulatory status",
        ),
        FieldPanel("who_it_may_suit"),
        InlinePanel("side_effect_links", heading="Side effects", label="Side effect"),
        FieldPanel("side_effects_note"),
        FieldPanel("questions_to_ask"),
    ]
    search_fields = [
        *PortalPage.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("safety_warnings"),
        index.SearchField("what_it_is"),
        index.SearchField("how_it_works"),
        index.SearchField("how_it_is_given"),
        index.SearchField("who_it_may_suit"),
        index.RelatedFields("side_effect_links", [index.SearchField("note")]),
    ]
    api_fields = [
        *PortalPage.api_fields,
        APIField("summary"),
        APIField("safety_warnings"),
        APIField("what_it_is"),
        APIField("how_it_works"),
        APIField("routes", serializer=ChoicesField(Route)),
        APIField("schedule"),
        APIField("how_it_is_given"),
        APIField("regulatory_status", serializer=ChoiceField(RegulatoryStatus)),
        APIField("regulatory_note"),
        APIField("who_it_may_suit"),
        APIField("side_effects", serializer=SideEffectsField()),
        APIField("side_effects_note"),
        APIField("questions_to_ask"),
    ]

    parent_page_types = ["treatments.TreatmentIndexPage"]
    subpage_types = []

    @property
    def search_snippet(self):
        return self.summary

    def route_labels(self):
        return [Route(route).label for route in self.routes]

    @property
    def is_fda_approved(self):
        return self.regulatory_status == RegulatoryStatus.FDA_APPROVED

    @cached_property
    def side_effects_by_class(self):
        """Live side effects grouped by class, most serious first, in one query.

        The page shows them and its schema.org data lists them: both read this one result.
        """
        return by_class(with_live_side_effect(self.side_effect_links))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["side_effects"] = self.side_effects_by_class
        return context

    def schema_entity(self, request):
        """The treatment as a schema.org MedicalTherapy; serious side effects are kept apart."""
        outcomes = {"adverseOutcome": {}, "seriousAdverseOutcome": {}}
        for classification, links in self.side_effects_by_class.items():
            serious = classification == SideEffectClass.SERIOUS
            kind = "seriousAdverseOutcome" if serious else "adverseOutcome"
            for link in links:
                # A side effect classed twice (say possible and common) is still one outcome.
                outcomes[kind][link.side_effect_id] = {
                    "@type": "MedicalEntity",
                    "name": link.side_effect.title,
                    "url": link.side_effect.get_full_url(request),
                }
        return {
            "@type": "MedicalTherapy",
            "@id": f"{self.get_full_url(request)}#treatment",
            "name": self.title,
            "description": self.summary,
            **{kind: list(found.values()) for kind, found in outcomes.items() if found},
        }


def live_treatments():
    """The treatments patients can read about, in the order of the treatment index."""
    return TreatmentPage.objects.live().public()


def with_live_side_effect(links):
    """Those of ``links`` (side-effect links) whose side effect is live, with the side effect."""
    return links.filter(side_effect__live=True).select_related("side_effect")


def by_class(links):
    """Side-effect links grouped by their class, most serious first, leaving out empty classes."""
    groups = {choice: [] for choice in SideEffectClass}
    for link in links:
        groups[SideEffectClass(link.classification)].append(link)
    return {classification: items for classification, items in groups.items() if items}


class TreatmentSideEffect(Orderable):
    """A treatment can cause a side effect, classed as the source classes it."""

    treatment = ParentalKey(
        TreatmentPage, on_delete=models.CASCADE, related_name="side_effect_links"
    )
    side_effect = models.ForeignKey(
        "treatments.SideEffectPage", on_delete=models.CASCADE, related_name="treatment_links"
    )
    classification = models.CharField(max_length=20, choices=SideEffectClass.choices)
    note = models.CharField(
        max_length=300,
        blank=True,
        help_text="Optional detail for this treatment only, in the source's terms.",
    )
    sources = sources_field("The sources that list this side effect for this treatment.")

    panels = [
        FieldPanel("side_effect"),
        FieldPanel("classification"),
        FieldPanel("note"),
        FieldPanel("sources"),
    ]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["treatment", "side_effect", "classification"],
                name="unique_side_effect_class_per_treatment",
            )
        ]

    def __str__(self):
        return f"{self.treatment}: {self.side_effect} ({self.get_classification_display()})"

    @property
    def section_label(self):
        """How the editor's list of a treatment's statements names this one."""
        return f"Side effect: {self.side_effect} ({self.get_classification_display().lower()})"


class SideEffectIndexPage(PortalPage):
    """Every side effect named on the site, A to Z."""

    intro = RichTextField(features=SECTION_FEATURES, blank=True)

    content_panels = [*PortalPage.content_panels, FieldPanel("intro")]
    api_fields = [*PortalPage.api_fields, APIField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["treatments.SideEffectPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["side_effect_pages"] = (
            SideEffectPage.objects.child_of(self).live().public().order_by(Lower("title"))
        )
        return context


class SideEffectPage(PortalPage):
    """One side effect, however many treatments can cause it."""

    description = RichTextField(
        features=SECTION_FEATURES,
        blank=True,
        help_text="Only what the source says about this side effect, in plain words.",
    )

    content_panels = [*PortalPage.content_panels, FieldPanel("description")]
    search_fields = [*PortalPage.search_fields, index.SearchField("description")]
    api_fields = [
        *PortalPage.api_fields,
        APIField("description"),
        APIField("treatments", serializer=TreatmentsField()),
    ]

    parent_page_types = ["treatments.SideEffectIndexPage"]
    subpage_types = []

    @property
    def search_snippet(self):
        return plain_snippet(self.description) or self.search_description

    def live_treatment_links(self):
        """The links from live treatments that list this side effect, in one query.

        (``treatment_links``, the reverse relation, also holds links from drafts.)
        """
        return (
            self.treatment_links.filter(treatment__live=True)
            .select_related("treatment")
            .order_by("treatment__path", "sort_order")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["treatment_links"] = self.live_treatment_links()
        return context


def regulatory_status(treatment):
    """The treatment's FDA status, or nothing where the source gives none."""
    if treatment.regulatory_status == RegulatoryStatus.NOT_STATED:
        return ""
    return treatment.get_regulatory_status_display()


@dataclass(frozen=True)
class Row:
    """One thing compared, with a cell per treatment: a text, or a list of side-effect links.

    An empty cell means the source does not say.
    """

    heading: str
    cells: list
    lists_side_effects: bool = False


class TreatmentComparisonPage(PortalPage):
    """The relapse treatments side by side, built from the facts on each treatment's page."""

    intro = RichTextField(
        features=SECTION_FEATURES,
        help_text="What the table shows and how to read it. The table itself is built from "
        "the treatment pages.",
    )

    content_panels = [*PortalPage.content_panels, FieldPanel("intro")]

    parent_page_types = ["treatments.TreatmentIndexPage"]
    subpage_types = []
    max_count = 1

    def treatments(self):
        """The live treatments, each with its live side effects, in two queries in all."""
        links = Prefetch(
            "side_effect_links",
            queryset=with_live_side_effect(TreatmentSideEffect.objects),
            to_attr="live_side_effect_links",
        )
        return list(live_treatments().prefetch_related(links))

    @staticmethod
    def rows(treatments):
        """What is compared, one row each, for ``treatments`` as ``treatments()`` gives them."""
        side_effects = [by_class(treatment.live_side_effect_links) for treatment in treatments]
        return [
            Row("FDA approval", [regulatory_status(treatment) for treatment in treatments]),
            Row("How it is given", ["; ".join(t.route_labels()) for t in treatments]),
            Row("Schedule", [treatment.schedule for treatment in treatments]),
            *(
                Row(
                    classification.label,
                    [groups.get(classification, []) for groups in side_effects],
                    lists_side_effects=True,
                )
                for classification in SideEffectClass
            ),
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["treatments"] = self.treatments()
        context["rows"] = self.rows(context["treatments"])
        return context
