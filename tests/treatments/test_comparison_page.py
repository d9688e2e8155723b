"""The treatments side by side: each fact in its treatment's column, built from the live pages."""

import pytest

from tests.factories import (
    SideEffectPageFactory,
    TreatmentComparisonPageFactory,
    TreatmentPageFactory,
    TreatmentSideEffectFactory,
    make_private,
    save_draft,
)
from treatments.models import RegulatoryStatus, Route, SideEffectClass

pytestmark = pytest.mark.django_db

SERIOUS, POTENTIAL, COMMON = (
    SideEffectClass.SERIOUS,
    SideEffectClass.POTENTIAL,
    SideEffectClass.COMMON,
)


def comparison(main):
    """The table as {row heading: {column heading: cell}}; a cell is its text, or its list."""
    table = main.find("table")
    columns = [th.get_text(strip=True) for th in table.thead.find_all("th")]
    rows = {}
    for row in table.tbody.find_all("tr"):
        cells = [
            [item.get_text(" ", strip=True) for item in cell.find_all("li")]
            if cell.ul
            else cell.get_text(" ", strip=True)
            for cell in row.find_all("td")
        ]
        rows[row.th.get_text(strip=True)] = dict(zip(columns, cells, strict=True))
    return rows


def lists(treatment, classification, *titles, note=""):
    for title in titles:
        TreatmentSideEffectFactory(
            treatment=treatment,
            side_effect=SideEffectPageFactory(title=title),
            classification=classification,
            note=note,
        )


@pytest.fixture
def steroids(treatment_index, side_effect_index):
    page = TreatmentPageFactory(
        parent=treatment_index,
        title="Steroids",
        routes=[Route.INTO_A_VEIN, Route.BY_MOUTH],
        schedule="",
        regulatory_status=RegulatoryStatus.FDA_APPROVED,
    )
    lists(page, POTENTIAL, "Fetal harm")
    lists(page, COMMON, "Weight gain", "Increased appetite")
    return page


@pytest.fixture
def ivig(treatment_index, side_effect_index):
    page = TreatmentPageFactory(
        parent=treatment_index,
        title="IVIG",
        routes=[Route.INTO_A_VEIN, Route.UNDER_THE_SKIN],
        schedule="Several sessions",
        regulatory_status=RegulatoryStatus.NOT_FDA_APPROVED,
    )
    lists(page, SERIOUS, "Blood clots", note="in the heart, brain, lungs")
    lists(page, COMMON, "Headache")
    return page


@pytest.fixture
def rehabilitation(treatment_index):
    return TreatmentPageFactory(
        parent=treatment_index,
        title="Rehabilitation",
        routes=[],
        schedule="",
        regulatory_status=RegulatoryStatus.NOT_STATED,
    )


def test_each_fact_is_in_its_treatments_column_and_gaps_say_not_stated(
    read_page, treatment_index, steroids, ivig, rehabilitation
):
    main = read_page(TreatmentComparisonPageFactory(parent=treatment_index))

    assert comparison(main) == {
        "FDA approval": {
            "Steroids": "FDA-approved for treating MS relapses",
            "IVIG": "Not FDA-approved for treating MS relapses",
            "Rehabilitation": "Not stated",
        },
        "How it is given": {
            "Steroids": "Into a vein (intravenous, IV); By mouth (oral)",
            "IVIG": "Into a vein (intravenous, IV); Under the skin",
            "Rehabilitation": "Not stated",
        },
        "Schedule": {
            "Steroids": "Not stated",
            "IVIG": "Several sessions",
            "Rehabilitation": "Not stated",
        },
        "Serious side effects": {
            "Steroids": "Not stated",
            "IVIG": ["Blood clots (in the heart, brain, lungs)"],
            "Rehabilitation": "Not stated",
        },
        "Possible side effects": {
            "Steroids": ["Fetal harm"],
            "IVIG": "Not stated",
            "Rehabilitation": "Not stated",
        },
        "Common side effects": {
            "Steroids": ["Weight gain", "Increased appetite"],
            "IVIG": ["Headache"],
            "Rehabilitation": "Not stated",
        },
    }


def test_the_table_is_captioned_and_its_headers_are_scoped_and_link_to_each_treatment(
    read_page, treatment_index, steroids, ivig
):
    main = read_page(TreatmentComparisonPageFactory(parent=treatment_index))

    table = main.find("table")
    assert table.caption.get_text(strip=True) == "Relapse treatments side by side"
    region = table.find_parent(attrs={"role": "region"})
    assert region["tabindex"] == "0", "keyboard users can scroll it on a phone"
    assert region["aria-labelledby"] == table.caption["id"]
    columns = table.thead.find_all("th")
    assert {th["scope"] for th in columns} == {"col"}
    assert [(th.a.get_text(), th.a["href"]) for th in columns] == [
        ("Steroids", steroids.url),
        ("IVIG", ivig.url),
    ]
    assert {th["scope"] for th in table.tbody.find_all("th")} == {"row"}


def test_drafts_unpublished_and_private_treatments_never_show(
    read_page, treatment_index, steroids, ivig, rehabilitation
):
    save_draft(steroids, title="Steroids (draft title)", schedule="A draft schedule")
    ivig.unpublish()
    make_private(rehabilitation)

    rows = comparison(read_page(TreatmentComparisonPageFactory(parent=treatment_index)))

    assert rows["Schedule"] == {"Steroids": "Not stated"}


def test_side_effects_whose_pages_are_unpublished_are_left_out(
    read_page, treatment_index, steroids
):
    steroids.side_effect_links.get(side_effect__title="Weight gain").side_effect.unpublish()

    rows = comparison(read_page(TreatmentComparisonPageFactory(parent=treatment_index)))

    assert rows["Common side effects"] == {"Steroids": ["Increased appetite"]}


def test_the_treatment_index_links_to_the_comparison_once_it_is_published(
    read_page, treatment_index, steroids
):
    page = TreatmentComparisonPageFactory(parent=treatment_index, live=False)
    assert read_page(treatment_index).find("a", href=page.url) is None

    page.save_revision().publish()

    link = read_page(treatment_index).find("a", href=page.url)
    assert link.get_text() == page.title


def test_the_comparison_costs_the_same_with_2_or_6_treatments_and_many_side_effects(
    treatment_index, side_effect_index, queries_to_render, django_assert_max_num_queries, client
):
    page = TreatmentComparisonPageFactory(parent=treatment_index)
    for number in range(2):
        lists(TreatmentPageFactory(), COMMON, *(f"Effect {number}-{n}" for n in range(3)))
    few = queries_to_render(page)
    classes = list(SideEffectClass)
    for number in range(4):
        treatment = TreatmentPageFactory()
        for classification in classes:
            lists(treatment, classification, *(f"{classification} {number}-{n}" for n in range(5)))

    with django_assert_max_num_queries(few):
        response = client.get(page.url)
    assert response.content.count(b'<th scope="col">') == 6
