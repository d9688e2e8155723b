"""Treatment and side-effect pages cost the same number of queries however much they list."""

import pytest

from tests.factories import (
    GlossaryTermPageFactory,
    SideEffectPageFactory,
    TreatmentPageFactory,
    TreatmentSideEffectFactory,
    publish_approved,
)
from treatments.models import SideEffectClass

pytestmark = pytest.mark.django_db

# A treatment page's whole cost: the site, routing (home, index, page: each found, then read
# whole), the view restrictions of the page and its ancestors, and its side effects. The menu,
# breadcrumbs, glossary terms, medical review, list of updates and the live sources it cites
# are the same for every reader: kept in the shared cache until the next publish.
TREATMENT_PAGE_QUERIES = 8


def add_side_effects(treatment, count):
    classes = list(SideEffectClass)
    for number in range(count):
        TreatmentSideEffectFactory(
            treatment=treatment,
            side_effect=SideEffectPageFactory(),
            classification=classes[number % len(classes)],
            note="a note" if number % 2 else "",
        )


def test_a_treatment_page_costs_the_same_with_2_or_30_side_effects(
    treatment_index, side_effect_index, queries_to_render, django_assert_num_queries, client
):
    few, many = TreatmentPageFactory(parent=treatment_index), TreatmentPageFactory()
    add_side_effects(few, 2)
    add_side_effects(many, 30)
    for page in (few, many):  # as patients read them: reviewed, explaining medical words
        page.what_it_is = "<p>Given after a relapse, as an infusion.</p>"
        publish_approved(page)
    GlossaryTermPageFactory(title="relapse")
    GlossaryTermPageFactory(title="infusion")

    queries = queries_to_render(few)

    assert queries <= TREATMENT_PAGE_QUERIES
    client.get(many.url)
    with django_assert_num_queries(queries):
        html = client.get(many.url).content.decode()
    assert html.count('class="side-effects__note"') == 15
    assert html.count('class="glossary-term"') == 2
    assert "Medically reviewed by" in html


def test_a_side_effect_page_costs_the_same_with_2_or_30_treatments(
    treatment_index, side_effect_index, queries_to_render
):
    rare, frequent = SideEffectPageFactory(), SideEffectPageFactory()
    for side_effect, count in ((rare, 2), (frequent, 30)):
        for _ in range(count):
            TreatmentSideEffectFactory(treatment=TreatmentPageFactory(), side_effect=side_effect)

    assert queries_to_render(frequent) == queries_to_render(rare)


def test_the_side_effect_index_costs_the_same_with_2_or_30_side_effects(
    side_effect_index, queries_to_render
):
    SideEffectPageFactory.create_batch(2)
    few = queries_to_render(side_effect_index)
    SideEffectPageFactory.create_batch(28)

    assert queries_to_render(side_effect_index) == few


def test_the_treatment_index_costs_the_same_with_2_or_10_treatments(
    treatment_index, queries_to_render
):
    TreatmentPageFactory.create_batch(2)
    few = queries_to_render(treatment_index)
    TreatmentPageFactory.create_batch(8)

    assert queries_to_render(treatment_index) == few
