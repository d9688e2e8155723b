from itertools import groupby

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models.functions import Lower
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from core.models import SECTION_FEATURES, PortalPage

from .marking import Term


class GlossaryIndexPage(PortalPage):
    """The glossary, A to Z."""

    intro = RichTextField(features=SECTION_FEATURES, blank=True)

    content_panels = [*PortalPage.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["glossary.GlossaryTermPage"]
    max_count = 1

    def terms_by_letter(self):
        terms = GlossaryTermPage.objects.child_of(self).live().public().order_by(Lower("title"))
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

    parent_page_types = ["glossary.GlossaryIndexPage"]
    subpage_types = []

    @property
    def search_snippet(self):
        return self.definition

    def as_term(self, request=None) -> Term:
        return Term(
            name=self.title,
            url=self.get_url(request),
            definition=self.definition,
            other_names=tuple(self.other_names),
            page_id=self.pk,
        )
