"""Whether a new revision changes what patients read: the page type's Content and Promote fields,
read from its panels; never the marks the editor adds, the settings or comments."""

import json

import pytest

from review.content import public_fields, reads_differently
from tests.factories import (
    GlossaryTermPageFactory,
    SideEffectPageFactory,
    TreatmentPageFactory,
    TreatmentSideEffectFactory,
    safety_warning,
)
from treatments.models import SideEffectClass, TreatmentPage

pytestmark = pytest.mark.django_db


def revise(page, **changes):
    """A new revision of `page` with `changes`, next to the one before it."""
    before = page.get_latest_revision() or page.save_revision()
    draft = type(page).objects.get(pk=page.pk).get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(draft, name, value)
    return before, draft.save_revision()


def test_public_fields_are_the_content_and_promote_tabs_of_the_page_type():
    fields, children = public_fields(TreatmentPage)
    assert {"title", "summary", "safety_warnings", "what_it_is", "questions_to_ask"} <= set(fields)
    assert {"slug", "seo_title", "search_description"} <= set(fields)
    assert not {"go_live_at", "expire_at", "custom_review_frequency"} & set(fields)
    assert children == {"side_effect_links": ("side_effect", "classification", "note", "sources")}


@pytest.mark.parametrize(
    "changes",
    [
        {"title": "Plasma exchange (PLEX)"},
        {"what_it_is": "<p>A different sentence.</p>"},
        {"search_description": "What search engines show."},
        {"routes": ["by_mouth"]},
    ],
)
def test_a_changed_public_field_is_a_change(changes):
    page = TreatmentPageFactory(what_it_is="<p>What it is.</p>")
    assert reads_differently(*reversed(revise(page, **changes)))


@pytest.mark.parametrize(
    "changes",
    [
        {},  # an autosave of the same text
        {"custom_review_frequency": 6},
        {"what_it_is": '<p data-block-key="a1b2c">What it is.</p>'},  # the editor's own key
    ],
)
def test_saving_what_patients_do_not_read_is_no_change(changes):
    page = TreatmentPageFactory(what_it_is="<p>What it is.</p>")
    before, after = revise(page, **changes)
    assert not reads_differently(after, before)


def test_block_ids_are_not_a_change_but_block_text_is():
    warning = safety_warning("Risk of kidney problems", "<p>Rare but serious.</p>")
    page = TreatmentPageFactory(safety_warnings=json.dumps([{**warning, "id": "first-id"}]))
    before, same_with_new_id = revise(
        page, safety_warnings=json.dumps([{**warning, "id": "another-id"}])
    )
    assert not reads_differently(same_with_new_id, before)

    reworded = safety_warning("Risk of kidney problems", "<p>Rare, and can be serious.</p>")
    _, changed = revise(page, safety_warnings=json.dumps([reworded]))
    assert reads_differently(changed, same_with_new_id)


def test_a_side_effect_links_note_is_read_by_patients():
    link = TreatmentSideEffectFactory(
        side_effect=SideEffectPageFactory(), classification=SideEffectClass.COMMON
    )
    page = link.treatment
    page.save_revision()
    draft = page.get_latest_revision_as_object()
    [changed] = draft.side_effect_links.all()
    changed.note = "mostly mild"
    draft.side_effect_links = [changed]
    after = draft.save_revision()
    assert reads_differently(after, page.revisions.order_by("pk").first())


def test_a_glossary_terms_other_names_are_read_by_patients():
    term = GlossaryTermPageFactory(other_names=["steroid"])
    assert reads_differently(*reversed(revise(term, other_names=["steroid", "steroids"])))
