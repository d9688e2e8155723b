from itertools import groupby

from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.search import index

from core.models import SECTION_FEATURES, PortalPage

from .marking import Term, name_key
from .serializers import RelatedTermsField

# The glossary's order everywhere (A to Z, then the older term first), so that the same term
# comes first on every page and in every list.
A_TO_Z = (Lower("title"), "title", "pk")


class GlossaryIndexPage(PortalPage):
    """The glossary, A to Z."""

    intro = RichTextField(features=SECTION_FEATURES, blank=True)

    content_panels = [*PortalPage.content_panels, FieldPanel("intro")]
    api_fields = [*PortalPage.api_fields, APIField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["glossary.GlossaryTermPage"]
    max_count = 1

    def terms_by_letter(self):
        terms = GlossaryTermPage.objects.child_of(self).live().public().order_by(*A_TO_Z)
        return [
            (letter, list(group))
            for letter, group in groupby(terms, key=lambda term: term.title[:1].upper())
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["terms_by_letter"] = self.terms_by_letter()
        return context


class GlossaryTermPage(PortalPage):
    """A medical word and what it means, in plain language."""

    definition = models.TextField(
        max_length=600,
        help_text="A plain definition in one or two sentences. It also pops up wherever "
        "the term is used on the site.",
    )
    other_names = ArrayField(
        models.CharField(max_length=100),
        blank=True,
        default=list,
        help_text="Other names, spellings and abbreviations, separated by commas "
        '(e.g. "steroid, steroids" for corticosteroid). These are marked in text too.',
    )
    related_terms = ParentalManyToManyField("self", blank=True, symmetrical=False)

    content_panels = [
        *PortalPage.content_panels,
        FieldPanel("definition"),
        FieldPanel("other_names"),
        FieldPanel("related_terms"),
    ]
    search_fields = [
        *PortalPage.search_fields,
        index.SearchField("definition"),
        index.SearchField("other_names"),
        index.AutocompleteField("title"),
    ]
    api_fields = [
        *PortalPage.api_fields,
        APIField("definition"),
        APIField("other_names"),
        APIField("related_terms", serializer=RelatedTermsField()),
    ]

    parent_page_types = ["glossary.GlossaryIndexPage"]
    subpage_types = []

    @property
    def search_snippet(self):
        return self.definition

    def known_names(self) -> list[str]:
        return [self.title, *self.other_names, *self.search_names]

    def clean(self):
        super().clean()
        taken = names_of_other_terms(self)
        errors = {}
        for field, names in [("title", [self.title]), ("other_names", self.other_names)]:
            clashes = [name for name in names if name_key(name) and name_key(name) in taken]
            if clashes:
                errors[field] = [
                    f"“{name}” is already a name of the glossary term “{taken[name_key(name)]}”. "
                    "Each name explains one term only: edit that term instead."
                    for name in clashes
                ]
        if errors:
            raise ValidationError(errors)

    def as_term(self, request=None) -> Term:
        return Term(
            name=self.title,
            url=self.get_url(request),
            definition=self.definition,
            other_names=tuple(self.other_names),
            page_id=self.pk,
        )


def names_of_other_terms(term: GlossaryTermPage) -> dict[str, str]:
    """Every name of every other glossary term, live or draft, compared as the marker compares
    them: normalised name -> the term's title."""
    others = GlossaryTermPage.objects.exclude(pk=term.pk).select_related("latest_revision")
    taken = {}
    for other in others:
        names = [other.title, other.draft_title, *other.other_names]
        if other.latest_revision:  # a live term's draft may add names
            stored = other.latest_revision.content.get("other_names")
            names += GlossaryTermPage._meta.get_field("other_names").to_python(stored) or []
        for name in names:
            if key := name_key(name):
                taken.setdefault(key, other.draft_title)
    return taken
