"""Plain language: writers and reviewers see each page's reading grade against the target.

The grade is Flesch-Kincaid as textstat computes it, on the text patients read, with every
glossary term and other name counted as one short word ("term").
"""

import math

import pytest
from django.contrib.auth.models import Group
from textstat.textstat import textstatistics
from wagtail.models import Page
from wagtail.test.utils.form_data import querydict_from_html

from core import readability
from review.roles import WRITERS
from tests.factories import (
    GlossaryTermPageFactory,
    SideEffectPageFactory,
    TreatmentPageFactory,
    UserFactory,
    safety_warning,
    save_draft,
)
from tests.review.admin_steps import edit_url, messages_of, save

pytestmark = pytest.mark.django_db

SIMPLE = (
    "Steroids can help. You take them for a few days. Ask your care team if you have questions."
)
COMPLEX = (
    "Comprehensive documentation of previous exacerbations facilitates individualized "
    "therapeutic decision-making regarding appropriate pharmacological interventions."
)


def textstat_grade(text):
    """textstat's own figure, set up as the portal sets it up (Pyphen's bundled patterns)."""
    statistics = textstatistics()
    statistics.set_lang("en-US")
    return round(statistics.flesch_kincaid_grade(text), 1)


@pytest.fixture
def writer(db):
    user = UserFactory()
    user.groups.set([Group.objects.get(name=WRITERS)])
    return user


def plain_treatment(**fields):
    """A live treatment whose text is its title, "What it is" and the given fields."""
    empty = dict.fromkeys(["how_it_works", "how_it_is_given", "regulatory_note"], "")
    page = TreatmentPageFactory(**{**empty, **fields})
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


def edit(client, page, **changes):
    """Open the page's editor, change plain-text fields and press Save draft."""
    html = client.get(edit_url(page)).content.decode()
    return save(client, page, querydict_from_html(html, form_id="page-edit-form"), **changes)


def reading_grade_warnings(response):
    return [message for message in messages_of(response) if "reads at grade" in message]


def panel_text(response):
    """The words of the editor's Plain language panel, in one line."""
    html = response.content.decode()
    start = html.index("data-reading-grade=")
    return " ".join(html[start : html.index("</div>", start)].split())


# --- The grade ---------------------------------------------------------------------------------


def test_simple_text_is_below_the_target_and_complex_text_above_it_as_textstat_scores_them():
    simple = readability.assess_text([SIMPLE], names=[])
    complex_ = readability.assess_text([COMPLEX], names=[])

    assert simple.grade == textstat_grade(SIMPLE)
    assert complex_.grade == textstat_grade(COMPLEX)
    assert simple.grade <= 8 < complex_.grade
    assert (simple.words, simple.sentences) == (18, 3)
    assert (complex_.words, complex_.sentences) == (13, 1)
    assert not simple.above_target
    assert complex_.above_target


def test_glossary_names_count_as_one_short_word_whole_words_any_case_longest_first():
    names = ["immune response", "response", "steroid", "Plasma exchange"]
    text = "The Immune Response to corticosteroids is a response. PLASMA EXCHANGE helps."

    result = readability.assess_text([text], names)

    # "corticosteroids" is not the word "steroid"; "Immune Response" is one term, not two words.
    masked = "The term to corticosteroids is a term. term helps."
    assert result.grade == textstat_grade(masked)
    assert result.words == 9


def test_masking_glossary_terms_lowers_the_grade_of_a_page_full_of_medical_names():
    GlossaryTermPageFactory(title="Corticosteroid", other_names=["corticosteroids", "steroids"])
    GlossaryTermPageFactory(title="Immunoglobulin G", other_names=["IVIG"])
    GlossaryTermPageFactory(title="Inflammation")
    page = plain_treatment(
        title="Medicines",
        summary="Corticosteroids calm inflammation. Immunoglobulin G is another choice.",
        what_it_is="<p>IVIG and steroids are not the same.</p>",
    )

    masked = readability.assess(page)
    unmasked = readability.assess_text(readability.page_text(page), names=[])

    assert masked.grade == textstat_grade(
        "term calm term. term is another choice. term and term are not the same."
    )
    assert masked.grade < unmasked.grade
    assert unmasked.grade == textstat_grade(
        "Corticosteroids calm inflammation. Immunoglobulin G is another choice. "
        "IVIG and steroids are not the same."
    )


def test_a_glossary_terms_own_names_are_masked_on_its_page_even_before_it_is_live():
    term = GlossaryTermPageFactory(
        title="Paraproteinemia", other_names=["paraproteins"], definition="", live=False
    )
    term.definition = "Paraproteinemia means there are paraproteins in the blood."

    assert readability.assess(term).grade == textstat_grade(
        "term means there are term in the blood."
    )


def test_the_text_scored_is_each_text_field_one_piece_per_paragraph_but_not_the_title():
    page = plain_treatment(
        title="Plasma exchange",
        summary="A short summary.",
        safety_warnings=[
            safety_warning(
                "Risk of kidney problems",
                "<p>It can harm the kidneys.</p>",
                most_at_risk=["People over 65"],
                advice="<p>Ask about the rate.</p>",
            )
        ],
        what_it_is="<p>First &amp; second.</p><ul><li>One item</li><li>Another</li></ul>",
        schedule="Several sessions",
        regulatory_status="fda_approved",
    )

    assert readability.page_text(page) == [
        "A short summary.",
        "Risk of kidney problems",
        "It can harm the kidneys.",
        "People over 65",
        "Ask about the rate.",
        "First & second.",
        "One item",
        "Another",
        "Several sessions",
    ]


def test_the_hardest_sentences_are_given_as_written_hardest_first():
    result = readability.assess_text([SIMPLE, COMPLEX, "Steroids are medicines you take."], [])

    assert result.hardest[0].text == COMPLEX
    assert result.hardest[0].grade == textstat_grade(COMPLEX)
    assert [sentence.grade for sentence in result.hardest] == sorted(
        (sentence.grade for sentence in result.hardest), reverse=True
    )
    assert len(result.hardest) == readability.HARDEST_SHOWN


def test_a_page_with_no_sentence_of_three_words_gets_no_grade():
    result = readability.assess(
        SideEffectPageFactory(title="Worsening of other medical conditions", description="")
    )

    assert result.grade is None
    assert not result.above_target


def test_the_target_is_a_setting(settings):
    settings.PORTAL_READING_GRADE_TARGET = 6.5

    result = readability.assess_text([SIMPLE], [])

    assert (result.target, result.target_text) == (6.5, "6.5 or below")


# --- The editor --------------------------------------------------------------------------------


def test_the_editor_of_a_treatment_shows_its_grade_and_the_target(client, writer):
    page = plain_treatment(summary=SIMPLE)
    client.force_login(writer)

    response = client.get(edit_url(page))

    grade = readability.assess(page).grade
    assert f"Reading grade: {grade} (target: 8 or below)" in panel_text(response)
    assert "Meets the target." in panel_text(response)


def test_the_editor_of_a_glossary_term_shows_its_grade_and_the_target(client, writer):
    term = GlossaryTermPageFactory(title="Relapse", definition=COMPLEX)
    client.force_login(writer)

    response = client.get(edit_url(term))

    assert response.status_code == 200
    text = panel_text(response)
    assert f"Reading grade: {textstat_grade(COMPLEX)} (target: 8 or below)" in text
    assert "Above target." in text


def test_the_editor_shows_the_grade_of_the_latest_draft_and_why_it_is_above_target(client, writer):
    page = plain_treatment(summary=SIMPLE)
    save_draft(page, summary=f"{SIMPLE} {COMPLEX}")
    client.force_login(writer)

    text = panel_text(client.get(edit_url(page)))

    assert readability.assess(page).grade <= 8  # the live page
    draft = Page.objects.get(pk=page.pk).get_latest_revision_as_object()
    draft_grade = readability.assess(draft).grade
    assert draft_grade > 8
    assert f"Reading grade: {draft_grade} (target: 8 or below)" in text
    assert "Above target." in text
    assert f"“{COMPLEX}” (grade {textstat_grade(COMPLEX)}, 13 words)" in text


def test_a_page_above_target_is_saved_as_a_draft_with_a_warning(client, writer):
    term = GlossaryTermPageFactory(title="Relapse", definition=SIMPLE)
    client.force_login(writer)

    response = edit(client, term, definition=COMPLEX)

    assert response.status_code == 302
    term = Page.objects.get(pk=term.pk).specific
    assert term.definition == SIMPLE  # the live page is unchanged
    draft = term.get_latest_revision_as_object()
    assert draft.definition == COMPLEX
    grade = readability.assess(draft).grade
    assert grade > 8
    assert reading_grade_warnings(response) == [
        f"“Relapse” reads at grade {grade}, above the target of 8 or below. "
        "The Plain language panel shows the hardest sentences."
    ]


def test_a_page_at_or_below_target_saves_without_a_warning(client, writer):
    term = GlossaryTermPageFactory(title="Relapse", definition=SIMPLE)
    client.force_login(writer)

    response = edit(client, term, definition=f"{SIMPLE} Rest when you need to.")

    assert response.status_code == 302
    draft = Page.objects.get(pk=term.pk).get_latest_revision_as_object()
    assert draft.definition.endswith("Rest when you need to.")
    assert reading_grade_warnings(response) == []


def test_a_higher_target_lets_the_same_page_meet_it(client, writer, settings):
    term = GlossaryTermPageFactory(title="Relapse", definition=COMPLEX)
    client.force_login(writer)
    grade = readability.assess(term).grade
    target = math.ceil(grade)
    settings.PORTAL_READING_GRADE_TARGET = target

    text = panel_text(client.get(edit_url(term)))
    response = edit(client, term, definition=f"{COMPLEX} Ask your care team.")

    assert grade > 8
    assert f"Reading grade: {grade} (target: {target} or below)" in text
    assert "Meets the target." in text
    assert reading_grade_warnings(response) == []
