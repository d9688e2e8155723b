"""Build the whole site from demo.content, without ever overwriting a writer's edit.

Every section cites the one source of the demo content (demo.content.SOURCE).
"""

from collections import Counter

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.forms.models import model_to_dict
from wagtail.blocks import StreamValue
from wagtail.fields import RichTextField, StreamField

from demo import content as demo
from glossary.models import GlossaryIndexPage, GlossaryTermPage
from home.models import HomePage
from sources.models import Source
from sources.rich_text import citation
from tools.models import QuestionsGuidePage, TreatmentHistoryPage
from treatments.models import (
    SideEffectIndexPage,
    SideEffectPage,
    TreatmentComparisonPage,
    TreatmentIndexPage,
    TreatmentPage,
    TreatmentSideEffect,
)

CREATED, UPDATED, UNCHANGED, KEPT = "created", "updated", "unchanged", "kept because edited"


class Command(BaseCommand):
    help = (
        "Create or update the demo pages (treatments, side effects, glossary, patient tools) and "
        "publish them. "
        "Safe to run again: pages a writer has edited since are left alone."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        self.outcomes = Counter()
        self.kept = []
        self.source = source(demo.SOURCE)

        home = HomePage.objects.filter(slug=demo.HOME.slug).first()
        if home is None:
            raise CommandError('There is no home page (slug "home"). Run "manage.py migrate".')
        self.sync(home, demo.HOME)

        # The menu follows this order: treatments, side effects, glossary.
        treatment_index = self.page(home, TreatmentIndexPage, demo.TREATMENT_INDEX)
        side_effect_index = self.page(home, SideEffectIndexPage, demo.SIDE_EFFECT_INDEX)
        side_effects = {
            content.title: self.page(side_effect_index, SideEffectPage, content)
            for content in demo.SIDE_EFFECTS
        }

        # A link is the same link if it joins the same treatment and side effect in the same
        # class: updating a note or the order keeps its row.
        link_ids = {
            (link.treatment.slug, link.side_effect_id, link.classification): link.pk
            for link in TreatmentSideEffect.objects.filter(
                treatment__in=TreatmentPage.objects.child_of(treatment_index)
            ).select_related("treatment")
        }
        for content in demo.TREATMENTS:
            links = []
            for position, listed in enumerate(content.side_effects):
                side_effect = side_effects[listed.side_effect]
                key = (content.slug, side_effect.pk, listed.classification)
                links.append(
                    TreatmentSideEffect(
                        pk=link_ids.get(key),
                        side_effect=side_effect,
                        classification=listed.classification,
                        note=listed.note,
                        sources=[("source", self.source)],
                        sort_order=position,
                    )
                )
            self.page(treatment_index, TreatmentPage, content, side_effect_links=links)
        self.page(treatment_index, TreatmentComparisonPage, demo.COMPARISON)

        # Terms refer to each other, so every term page exists before any is published.
        glossary_index = self.page(home, GlossaryIndexPage, demo.GLOSSARY_INDEX)
        terms = {
            content.title: self.find_or_add(glossary_index, GlossaryTermPage, content)
            for content in demo.GLOSSARY
        }
        for content in demo.GLOSSARY:
            page, created = terms[content.title]
            related = [terms[title][0] for title in content.related_terms]
            self.sync(page, content, created=created, related_terms=related)

        self.page(home, TreatmentHistoryPage, demo.TREATMENT_HISTORY)
        self.page(home, QuestionsGuidePage, demo.QUESTIONS_GUIDE)

        summary = ", ".join(f"{self.outcomes[o]} {o}" for o in (CREATED, UPDATED, UNCHANGED, KEPT))
        self.stdout.write(f"Demo content: {summary}.")
        for page in self.kept:
            self.stdout.write(
                f"  Kept (edited since it was loaded): {page.title} ({page.url_path})"
            )

    def page(self, parent, model, content, **relations):
        """The page for ``content`` under ``parent``, created, updated or left as it is."""
        page, created = self.find_or_add(parent, model, content)
        self.sync(page, content, created=created, **relations)
        return page

    def find_or_add(self, parent, model, content):
        """The page with the content's slug under ``parent``; a new unpublished one if none."""
        page = model.objects.child_of(parent).filter(slug=content.slug).first()
        if page is not None:
            return page, False
        page = model(**page_values(content), live=False)
        parent.add_child(instance=page)
        return page, True

    def sync(self, page, content, *, created=False, **relations):
        """Publish the content on ``page`` unless a writer has edited it, or it is the same."""
        if not created and edited_by_a_writer(page):
            self.outcomes[KEPT] += 1
            self.kept.append(page)
            return
        values = cited(type(page), page_values(content), self.source)
        wanted = type(page)(**values, **relations)
        names = [*values, *relations]
        if not created and all(comparable(page, n) == comparable(wanted, n) for n in names):
            self.outcomes[UNCHANGED] += 1
            return
        for name, value in values.items():
            setattr(page, name, value)
        for name, value in relations.items():
            setattr(page, name, value)
        page.save_revision().publish()
        self.outcomes[CREATED if created else UPDATED] += 1


def source(values):
    """The demo content's source in the library, live: published by the loader, like the pages,
    so no medical reviewer has checked it yet."""
    found = Source.objects.filter(title=values["title"], authors=values["authors"]).first()
    if found is None:
        found = Source.objects.create(**values, live=False)
        found.save_revision().publish()
    return found


def cited(model, values, source):
    """``values`` with every statement citing ``source``: each rich text section at its end,
    each stream block with sources of its own (a safety warning), and each fact with a field of
    sources (the regulatory status)."""
    result = dict(values)
    for name, value in values.items():
        field = model._meta.get_field(name)
        if isinstance(field, RichTextField) and value:
            end = max(value.rfind("</p>"), value.rfind("</li>"))
            result[name] = value[:end] + citation(source.pk) + value[end:]
        elif isinstance(field, StreamField):
            result[name] = [with_sources(field, item, source) for item in value]
        if f"{name}_sources" in {f.name for f in model._meta.concrete_fields}:
            result[f"{name}_sources"] = [("source", source)]
    return result


def with_sources(field, item, source):
    """A stream block as stored, citing ``source`` if the block has sources of its own."""
    if "sources" not in getattr(field.stream_block.child_blocks[item["type"]], "child_blocks", {}):
        return item
    return {**item, "value": {**item["value"], "sources": [source.pk]}}


def page_values(content):
    return {
        "title": content.title,
        "slug": content.slug,
        "seo_title": content.seo_title,
        "search_description": content.search_description,
        **content.fields,
    }


def edited_by_a_writer(page):
    """Has a person saved this page since the loader last did, or left a draft or unpublished it?

    The loader saves its revisions with no user; Wagtail records the user of every other one.
    """
    latest = page.get_latest_revision()
    return page.has_unpublished_changes or (latest is not None and latest.user_id is not None)


def comparable(page, name):
    """A field's value on ``page`` in a form that can be compared with ``==``."""
    field = page._meta.get_field(name)
    value = getattr(page, name)
    if isinstance(field, StreamField):
        return without_ids(value.get_prep_value())
    if field.many_to_many:
        return sorted(item.pk for item in value.all())
    if field.one_to_many:  # a child relation such as side_effect_links, in order
        exclude = ["id", field.field.name]
        return [
            {
                key: without_ids(item_value.get_prep_value())
                if isinstance(item_value, StreamValue)
                else item_value
                for key, item_value in model_to_dict(item, exclude=exclude).items()
            }
            for item in value.all()
        ]
    return value


def without_ids(data):
    """Stream data without the block ids Wagtail makes up for each block."""
    if isinstance(data, dict):
        return {key: without_ids(value) for key, value in data.items() if key != "id"}
    if isinstance(data, list):
        return [without_ids(item) for item in data]
    return data
