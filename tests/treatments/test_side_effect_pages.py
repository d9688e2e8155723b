"""A side effect is one page, linked from and to every live treatment that can cause it."""

import pytest

from tests.factories import (
    SideEffectPageFactory,
    TreatmentPageFactory,
    TreatmentSideEffectFactory,
    save_draft,
)
from treatments.models import SideEffectClass

pytestmark = pytest.mark.django_db


def treatments_listed(main):
    """The (treatment title, its link, the rest of the line) of each listed treatment."""
    section = main.find("h2", string="Treatments that can cause it").find_parent("section")
    return [
        (item.a.get_text(), item.a["href"], item.get_text(" ", strip=True))
        for item in section.find_all("li")
        if item.a
    ]


@pytest.fixture
def nausea(side_effect_index):
    return SideEffectPageFactory(
        parent=side_effect_index, title="Nausea", description="<p>Feeling sick.</p>"
    )


def test_one_side_effect_page_lists_every_treatment_that_causes_it(
    read_page, treatment_index, nausea
):
    plasma = TreatmentPageFactory(parent=treatment_index, title="Plasma exchange")
    ivig = TreatmentPageFactory(parent=treatment_index, title="IVIG")
    TreatmentSideEffectFactory(treatment=plasma, side_effect=nausea)
    TreatmentSideEffectFactory(
        treatment=ivig, side_effect=nausea, classification=SideEffectClass.POTENTIAL, note="mild"
    )

    main = read_page(nausea)

    assert main.h1.get_text() == "Nausea"
    assert "Feeling sick." in main.get_text()
    assert treatments_listed(main) == [
        ("Plasma exchange", plasma.url, "Plasma exchange : common side effects"),
        ("IVIG", ivig.url, "IVIG : possible side effects (mild)"),
    ]


def test_both_treatments_link_to_the_same_side_effect_page(read_page, treatment_index, nausea):
    treatments = [
        TreatmentPageFactory(parent=treatment_index, title=title)
        for title in ("Plasma exchange", "IVIG")
    ]
    for treatment in treatments:
        TreatmentSideEffectFactory(treatment=treatment, side_effect=nausea)

    for treatment in treatments:
        assert read_page(treatment).find("a", string="Nausea")["href"] == nausea.url


def test_an_unpublished_treatment_is_not_listed(read_page, treatment_index, nausea):
    live = TreatmentPageFactory(parent=treatment_index, title="Plasma exchange")
    unpublished = TreatmentPageFactory(parent=treatment_index, title="Withdrawn treatment")
    TreatmentSideEffectFactory(treatment=live, side_effect=nausea)
    TreatmentSideEffectFactory(treatment=unpublished, side_effect=nausea)
    unpublished.unpublish()

    assert [title for title, _, _ in treatments_listed(read_page(nausea))] == ["Plasma exchange"]


def test_a_treatment_never_published_is_not_listed(read_page, treatment_index, nausea):
    draft = TreatmentPageFactory(parent=treatment_index, title="Draft treatment", live=False)
    TreatmentSideEffectFactory(treatment=draft, side_effect=nausea)

    main = read_page(nausea)

    assert treatments_listed(main) == []
    assert "No treatment on this site lists it." in main.get_text()


def test_a_draft_edit_of_a_treatment_does_not_show(read_page, treatment_index, nausea):
    treatment = TreatmentPageFactory(parent=treatment_index, title="Plasma exchange")
    TreatmentSideEffectFactory(treatment=treatment, side_effect=nausea)
    save_draft(treatment, title="Renamed in a draft")

    assert [title for title, _, _ in treatments_listed(read_page(nausea))] == ["Plasma exchange"]


def test_the_side_effect_index_lists_live_side_effects_a_to_z(read_page, side_effect_index):
    for title in ("Nausea", "headache", "Blood clots"):
        SideEffectPageFactory(parent=side_effect_index, title=title)
    SideEffectPageFactory(parent=side_effect_index, title="Unpublished effect").unpublish()

    main = read_page(side_effect_index)

    assert main.h1.get_text() == "Side effects"
    assert [link.get_text() for link in main.find("ul", class_="link-list").find_all("a")] == [
        "Blood clots",
        "headache",
        "Nausea",
    ]
