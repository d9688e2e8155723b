"""The relapse-ready worksheets: they ask the source's questions, and send or keep nothing."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError

from core.blocks import QuestionBlock, questions
from tests.factories import (
    QuestionsGuidePageFactory,
    TreatmentHistoryPageFactory,
    TreatmentPageFactory,
    save_draft,
)
from tools.models import TreatmentHistoryPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def steroids(treatment_index):
    return TreatmentPageFactory(
        parent=treatment_index,
        title="Steroids",
        questions_to_ask=questions("Will I take steroids by mouth or get them into a vein?"),
    )


@pytest.fixture
def ivig(treatment_index):
    return TreatmentPageFactory(
        parent=treatment_index,
        title="IVIG",
        questions_to_ask=questions(
            "IVIG is not FDA-approved for relapses. Why do you suggest it for me?",
            "Do any of the medicines I take harm the kidneys?",
        ),
    )


def test_nothing_on_a_tool_page_can_send_what_the_patient_writes(client, home, steroids, ivig):
    for page in (TreatmentHistoryPageFactory(), QuestionsGuidePageFactory()):
        html = BeautifulSoup(client.get(page.url).content, "html.parser")

        assert html.main.find("form") is None, page.title
        assert html.main.select("[form]") == [], "nothing in the worksheet joins another form"
        # The only forms are the site search in the header and "Was this page helpful?" below
        # the page, each sending its own fields only.
        forms = {form.get("method"): form for form in html.find_all("form")}
        assert sorted(forms) == ["get", "post"], page.title
        assert {field["name"] for field in forms["get"].select("[name]")} == {"query"}
        assert {field["name"] for field in forms["post"].select("[name]")} == {
            "page",
            "helpful",
            "comment",
            "leave_empty",
        }


def test_the_history_worksheet_has_blank_entries_asking_the_sources_questions(
    read_page, home, steroids, ivig
):
    main = read_page(TreatmentHistoryPageFactory(intro="<p>Keep a record.</p>"))

    assert "Keep a record." in main.find(class_="lead").get_text()
    assert "Nothing you type here is sent to us or saved." in main.get_text()
    entries = main.find_all("section", class_="relapse-entry")
    assert len(entries) == TreatmentHistoryPage.BLANK_ENTRIES
    first = entries[0]
    assert first.h2.get_text(" ", strip=True) == "Relapse 1"
    labels = [label.get_text() for label in first.find_all("label") if label.get("for")]
    assert labels[:5] == [
        "When did it happen?",
        "Which treatment did you have?",
        "If other, what was it?",
        "How did the treatment go?",
        "Did you have any side effects? Which ones?",
    ]
    assert [legend.get_text() for legend in first.find_all("legend")] == [
        "Did your symptoms go away?",
        "Did you recover fully?",
    ]
    for field in first.find_all(["input", "select", "textarea"]):
        assert first.find("label", attrs={"for": field["id"]}), field["id"]
    ids = [element["id"] for element in main.find_all(id=True)]
    assert len(ids) == len(set(ids)), "every entry has its own ids"


def test_the_treatment_choices_are_the_live_treatments_in_order_then_other(
    read_page, home, steroids, ivig, treatment_index
):
    TreatmentPageFactory(parent=treatment_index, title="Unpublished").unpublish()
    save_draft(ivig, title="IVIG (draft title)")

    main = read_page(TreatmentHistoryPageFactory())

    choices = main.find("select").find_all("option")
    assert [option.get_text() for option in choices] == [
        "Choose a treatment",
        "Steroids",
        "IVIG",
        "Other",
    ]


def test_the_buttons_that_need_the_script_are_hidden_without_it(read_page, home):
    main = read_page(TreatmentHistoryPageFactory())

    buttons = main.find_all("button")
    assert {button.get_text(" ", strip=True) for button in buttons} >= {
        "Add another relapse",
        "Print this worksheet",
        "Remove relapse 1",
    }
    assert all(button.has_attr("hidden") for button in buttons)


def test_the_guide_shows_general_questions_then_each_treatments_own(
    read_page, home, steroids, ivig
):
    guide = QuestionsGuidePageFactory(
        general_questions=questions("Do I need treatment for this relapse?")
    )

    main = read_page(guide)

    general = main.find("section", attrs={"aria-labelledby": "general-questions-heading"})
    assert [item.get_text() for item in general.find_all("li")] == [
        "Do I need treatment for this relapse?"
    ]
    sections = main.find_all("section", attrs={"data-treatment-questions": True})
    assert [
        (section.h2.get_text(), [item.get_text() for item in section.ol.find_all("li")])
        for section in sections
    ] == [
        (
            "Questions about Steroids",
            ["Will I take steroids by mouth or get them into a vein?"],
        ),
        (
            "Questions about IVIG",
            [
                "IVIG is not FDA-approved for relapses. Why do you suggest it for me?",
                "Do any of the medicines I take harm the kidneys?",
            ],
        ),
    ]
    assert not any(section.has_attr("hidden") for section in sections), "shown without script"


def test_each_choice_in_the_guide_controls_one_treatments_questions(
    read_page, home, steroids, ivig, treatment_index
):
    TreatmentPageFactory(parent=treatment_index, title="No questions", questions_to_ask=[])

    main = read_page(QuestionsGuidePageFactory())

    choices = main.find("fieldset", attrs={"data-choose-treatments": True})
    assert choices.has_attr("hidden"), "choosing needs the script"
    boxes = choices.find_all("input", type="checkbox")
    assert [choices.find("label", attrs={"for": box["id"]}).get_text() for box in boxes] == [
        "Steroids",
        "IVIG",
    ]
    for box in boxes:
        assert main.find(id=box["value"]).has_attr("data-treatment-questions")


def test_the_guide_shows_only_published_questions(read_page, home, steroids, ivig):
    save_draft(steroids, questions_to_ask=questions("A draft question?"))
    ivig.unpublish()

    text = read_page(QuestionsGuidePageFactory()).get_text()

    assert "A draft question?" not in text
    assert "Will I take steroids by mouth or get them into a vein?" in text
    assert "IVIG" not in text


@pytest.mark.parametrize("text", ["Steroids are safe for everyone.", "Ask about IVIG", " "])
def test_a_question_to_ask_must_be_a_question(text):
    with pytest.raises(ValidationError):
        QuestionBlock().clean(text)


def test_a_question_is_kept_as_written():
    assert QuestionBlock().clean("How many sessions will I need?") == (
        "How many sessions will I need?"
    )


def test_the_home_page_offers_both_worksheets(read_page, home):
    history = TreatmentHistoryPageFactory(search_description="Write down past relapses.")
    guide = QuestionsGuidePageFactory()

    sections = read_page(home).find("nav", attrs={"aria-label": "Sections of this site"})

    links = [(a.get_text(), a["href"]) for a in sections.find_all("a")]
    assert links == [(history.title, history.url), (guide.title, guide.url)]
    assert "Write down past relapses." in sections.get_text()
