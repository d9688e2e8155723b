"""Treatments and side effects in the content API: structured fields with their labels, and the
side effects a treatment lists with their classes, live and public pages only."""

from rest_framework import serializers

from core.serializers import page_summary


def choice(value, label) -> dict:
    """A choice as its stored value and the words the page shows for it."""
    return {"value": value, "label": label}


class ChoiceField(serializers.Field):
    """A field with choices (``choices``, a Django Choices class), with its label."""

    def __init__(self, choices, **kwargs):
        super().__init__(read_only=True, **kwargs)
        self.choices = choices

    def to_representation(self, value):
        return choice(value, self.choices(value).label)


class ChoicesField(ChoiceField):
    """A list of choices, each with its label."""

    def to_representation(self, value):
        return [choice(item, self.choices(item).label) for item in value]


def classed(link) -> dict:
    """A side effect's class and note, as one treatment lists it."""
    classification = choice(link.classification, link.get_classification_display())
    return {"classification": classification, "note": link.note}


class SideEffectsField(serializers.Field):
    """A treatment's side effects, in the page's order, each with its class and note."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, treatment):
        links = treatment.side_effect_links.filter(
            side_effect__in=self.context["base_queryset"]
        ).select_related("side_effect")
        return [
            {"side_effect": page_summary(link.side_effect, self.context), **classed(link)}
            for link in links
        ]


class TreatmentsField(serializers.Field):
    """The treatments that list a side effect, each with the class it gives the side effect."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, side_effect):
        links = (
            side_effect.treatment_links.filter(treatment__in=self.context["base_queryset"])
            .select_related("treatment")
            .order_by("treatment__path", "sort_order")
        )
        return [
            {"treatment": page_summary(link.treatment, self.context), **classed(link)}
            for link in links
        ]
