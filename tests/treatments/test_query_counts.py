"""Treatment and side-effect pages cost the same number of queries however much they list."""

import pytest

from tests.factories import SideEffectPageFactory, TreatmentPageFactory, TreatmentSideEffectFactory
from treatments.models import SideEffectClass

pytestmark = pytest.mark.django_db

# A treatment page's whole cost: the site, routing (home, index, page), aliases, view
# restrictions, side effects, main menu, breadcrumbs, view restrictions and glossary terms.
TREATMENT_PAGE_QUERIES = 13


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

    queries = queries_to_render(few)

    assert queries <= TREATMENT_PAGE_QUERIES
    client.get(many.url)
    with django_assert_num_queries(queries):
        assert client.get(many.url).content.count(b'class="side-effects__note"') == 15


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
