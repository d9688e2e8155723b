"""What a patient reads on the treatment index and on a treatment page."""

import pytest

from core.blocks import questions
from tests.factories import (
    QuestionsGuidePageFactory,
    SideEffectPageFactory,
    TreatmentPageFactory,
    TreatmentSideEffectFactory,
    safety_warning,
)
from treatments.models import RegulatoryStatus, Route, SideEffectClass

pytestmark = pytest.mark.django_db


def headings(main, level="h2"):
    return [heading.get_text(" ", strip=True) for heading in main.find_all(level)]


def section(main, heading_text):
    """The <section> whose h2 reads ``heading_text``."""
    heading = main.find("h2", string=heading_text)
    assert heading is not None, f"no section headed {heading_text!r}"
    return heading.find_parent("section")


@pytest.fixture
def ivig(treatment_index):
    return TreatmentPageFactory(
        parent=treatment_index,
        title="Intravenous immunoglobulin (IVIG)",
        summary="Antibodies from donated blood, given into a vein.",
        safety_warnings=[
            safety_warning(
                "Risk of kidney problems",
                "<p>IVIG can harm the kidneys.</p>",
                most_at_risk=["People over 65", "People with diabetes"],
                advice="<p>Your care team checks your kidneys.</p>",
            )
        ],
        what_it_is="<p>Antibodies collected from many donors.</p>",
        how_it_works="<p>It calms the immune system.</p>",
        routes=[Route.INTO_A_VEIN],
        schedule="Once a day for five days",
        how_it_is_given="<p>Through a drip in a clinic.</p>",
        regulatory_status=RegulatoryStatus.NOT_FDA_APPROVED,
        regulatory_note="<p>Doctors may still use it when steroids do not help.</p>",
        who_it_may_suit="<p>People who cannot take steroids.</p>",
        side_effects_note="<p>These are not all of the possible side effects.</p>",
    )


def test_every_section_of_a_treatment_has_its_heading_and_content(read_page, ivig):
    main = read_page(ivig)

    assert main.h1.get_text() == "Intravenous immunoglobulin (IVIG)"
    assert "Antibodies from donated blood, given into a vein." in main.get_text()
    expected = {
        "What it is": "Antibodies collected from many donors.",
        "How it works": "It calms the immune system.",
        "How it is given": "Through a drip in a clinic.",
        "Regulatory status": "Doctors may still use it when steroids do not help.",
        "Who it may suit": "People who cannot take steroids.",
        "Side effects": "These are not all of the possible side effects.",
    }
    for heading, text in expected.items():
        assert text in section(main, heading).get_text(), heading
    assert "Only you and your healthcare provider can decide" in main.get_text()


def test_safety_warnings_come_before_what_it_is(read_page, ivig):
    main = read_page(ivig)

    assert headings(main)[:2] == ["Warning: Risk of kidney problems", "What it is"]
    warning = main.find("section", class_="safety-warning")
    assert "IVIG can harm the kidneys." in warning.get_text()
    assert [item.get_text() for item in warning.find_all("li")] == [
        "People over 65",
        "People with diabetes",
    ]
    assert "Your care team checks your kidneys." in warning.get_text()


def test_routes_and_schedule_are_shown_in_plain_words(read_page, treatment_index):
    treatment = TreatmentPageFactory(
        parent=treatment_index,
        routes=[Route.INTO_A_VEIN, Route.BY_MOUTH],
        schedule="Several sessions, each 48 hours apart",
    )

    facts = section(read_page(treatment), "How it is given").find("dl")

    assert [term.get_text() for term in facts.find_all("dt")] == ["Route", "Schedule"]
    assert [value.get_text() for value in facts.find_all("dd")] == [
        "Into a vein (intravenous, IV); By mouth (oral)",
        "Several sessions, each 48 hours apart",
    ]


@pytest.mark.parametrize(
    ("status", "text"),
    [
        (RegulatoryStatus.FDA_APPROVED, "FDA-approved for treating MS relapses."),
        (RegulatoryStatus.NOT_FDA_APPROVED, "Not FDA-approved for treating MS relapses."),
        (RegulatoryStatus.NOT_STATED, "No FDA status is given for this treatment."),
    ],
)
def test_the_regulatory_status_is_stated(read_page, treatment_index, status, text):
    treatment = TreatmentPageFactory(parent=treatment_index, regulatory_status=status)

    status_section = section(read_page(treatment), "Regulatory status")

    assert status_section.find(class_="status").get_text(strip=True) == text


def test_empty_optional_sections_are_left_out(read_page, treatment_index):
    treatment = TreatmentPageFactory(
        parent=treatment_index,
        safety_warnings=[],
        how_it_works="",
        routes=[],
        schedule="",
        how_it_is_given="",
        regulatory_note="",
        who_it_may_suit="",
        side_effects_note="",
    )

    main = read_page(treatment)

    assert headings(main) == ["What it is", "Regulatory status"]
    assert main.find(class_="safety-warnings") is None


def test_how_it_is_given_shows_with_only_a_route(read_page, treatment_index):
    treatment = TreatmentPageFactory(
        parent=treatment_index, routes=[Route.BY_MOUTH], schedule="", how_it_is_given=""
    )

    given = section(read_page(treatment), "How it is given")

    assert given.find("dd").get_text() == "By mouth (oral)"


def test_side_effects_are_grouped_serious_then_possible_then_common(read_page, ivig):
    for title, classification, note in [
        ("Headache", SideEffectClass.COMMON, ""),
        ("Kidney damage", SideEffectClass.SERIOUS, "rare"),
        ("Nausea", SideEffectClass.COMMON, ""),
        ("Rash", SideEffectClass.POTENTIAL, "usually mild"),
        ("Blood clots", SideEffectClass.SERIOUS, ""),
    ]:
        TreatmentSideEffectFactory(
            treatment=ivig,
            side_effect=SideEffectPageFactory(title=title),
            classification=classification,
            note=note,
        )

    side_effects = section(read_page(ivig), "Side effects")

    groups = {
        group.find_previous_sibling("h3").get_text(): [
            item.get_text(" ", strip=True) for item in group.find_all("li")
        ]
        for group in side_effects.find_all("ul")
    }
    assert groups == {
        "Serious side effects": ["Kidney damage (rare)", "Blood clots"],
        "Possible side effects": ["Rash (usually mild)"],
        "Common side effects": ["Headache", "Nausea"],
    }
    assert list(groups) == ["Serious side effects", "Possible side effects", "Common side effects"]


def test_each_listed_side_effect_links_to_its_page(read_page, ivig):
    link = TreatmentSideEffectFactory(treatment=ivig, side_effect__title="Nausea")

    anchor = section(read_page(ivig), "Side effects").find("a", string="Nausea")

    assert anchor["href"] == link.side_effect.url


def test_a_class_without_side_effects_gets_no_heading(read_page, ivig):
    TreatmentSideEffectFactory(treatment=ivig, classification=SideEffectClass.COMMON)

    assert headings(section(read_page(ivig), "Side effects"), "h3") == ["Common side effects"]


def test_an_unpublished_side_effect_is_not_listed_or_linked(read_page, ivig):
    hidden = TreatmentSideEffectFactory(treatment=ivig, side_effect__title="Hidden effect")
    TreatmentSideEffectFactory(treatment=ivig, side_effect__title="Shown effect")
    hidden.side_effect.unpublish()

    main = read_page(ivig)

    assert "Shown effect" in main.get_text()
    assert "Hidden effect" not in main.get_text()
    assert main.find("a", href=hidden.side_effect.url) is None


def test_the_treatment_index_shows_its_general_sections(read_page, treatment_index):
    main = read_page(treatment_index)

    assert main.h1.get_text() == "How are MS relapses treated?"
    expected = {
        "Relapse treatment and long-term treatment": (
            "Keep taking your disease-modifying treatment."
        ),
        "No one-size-fits-all plan": "Each person is different.",
        "Be relapse-ready": "Keep a record of past treatments.",
        "Treatments under investigation": "Clinical trials are under way.",
    }
    for heading, text in expected.items():
        assert text in section(main, heading).get_text(), heading
    assert "This is education, not advice." in main.find(class_="disclaimer").get_text()


def test_the_treatment_index_lists_live_treatments_with_summary_and_status(
    read_page, treatment_index
):
    plasma = TreatmentPageFactory(
        parent=treatment_index,
        title="Plasma exchange",
        summary="Blood plasma is swapped.",
        regulatory_status=RegulatoryStatus.NOT_FDA_APPROVED,
    )
    draft = TreatmentPageFactory(parent=treatment_index, title="Secret draft treatment")
    draft.unpublish()

    treatments = section(read_page(treatment_index), "Relapse treatments")

    assert [card.h3.get_text() for card in treatments.find_all("li")] == ["Plasma exchange"]
    assert treatments.find("a")["href"] == plasma.url
    assert "Blood plasma is swapped." in treatments.get_text()
    assert "Not FDA-approved for treating MS relapses" in treatments.get_text()


def test_a_treatment_lists_its_questions_to_ask_and_links_to_the_guide(read_page, ivig, home):
    ivig.questions_to_ask = questions("How many sessions will I need?", "Why IVIG for me?")
    ivig.save_revision().publish()
    guide = QuestionsGuidePageFactory(parent=home)

    main = read_page(ivig)

    questions_section = section(main, "Questions to ask your healthcare provider")
    assert [item.get_text() for item in questions_section.find_all("li")] == [
        "How many sessions will I need?",
        "Why IVIG for me?",
    ]
    assert questions_section.find("a")["href"] == guide.url
    contents = [link["href"] for link in main.find("nav", class_="contents").find_all("a")]
    assert contents[-1] == "#questions-heading"


def test_without_a_published_guide_the_questions_stand_alone(read_page, ivig, home):
    ivig.questions_to_ask = questions("How many sessions will I need?")
    ivig.save_revision().publish()
    QuestionsGuidePageFactory(parent=home, live=False)

    questions_section = section(read_page(ivig), "Questions to ask your healthcare provider")

    assert questions_section.find("li").get_text() == "How many sessions will I need?"
    assert questions_section.find("a") is None


def test_a_treatment_without_questions_has_no_questions_section(read_page, ivig):
    main = read_page(ivig)

    assert "Questions to ask your healthcare provider" not in headings(main)
    assert main.find("a", href="#questions-heading") is None
