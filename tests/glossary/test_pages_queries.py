"""Explaining glossary terms costs no query per term, on any page."""

import pytest

from tests.factories import (
    GlossaryTermPageFactory,
    SideEffectPageFactory,
    TreatmentPageFactory,
    TreatmentSideEffectFactory,
)

pytestmark = pytest.mark.django_db


def test_no_page_costs_more_with_300_glossary_terms_than_with_5(
    home,
    treatment_index,
    side_effect_index,
    glossary_index,
    queries_to_render,
    without_search_indexing,
):
    treatment = TreatmentPageFactory(what_it_is="<p>term3 and term250 are used here.</p>")
    side_effect = SideEffectPageFactory(description="<p>term4 and term299.</p>")
    TreatmentSideEffectFactory(treatment=treatment, side_effect=side_effect)
    GlossaryTermPageFactory.create_batch(5)
    term = GlossaryTermPageFactory(definition="Unlike term2 and term260.")
    pages = [home, treatment_index, treatment, side_effect_index, side_effect, glossary_index, term]
    with_5_terms = {page.title: queries_to_render(page) for page in pages}

    GlossaryTermPageFactory.create_batch(295)
    with_300_terms = {page.title: queries_to_render(page) for page in pages}

    assert with_300_terms == with_5_terms
