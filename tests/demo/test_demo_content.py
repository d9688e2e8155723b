"""The demo content loader: the site it builds says what the source says, and it is safe to rerun.

The tables below are transcribed from the source page, "How Are Multiple Sclerosis (MS) Relapses
Treated?", independently of demo/content.py. A side effect is written as (name, note): the
name of its page and what the source adds for that treatment; together they hold the source's
words ("/" written as "or", "nausea/vomiting" split in two).
"""

import dataclasses
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils.html import strip_tags
from wagtail.models import Page, Revision

from core import readability
from demo import content as demo_content
from glossary.models import GlossaryIndexPage, GlossaryTermPage
from home.models import HomePage
from sources import evidence
from sources.models import Source
from tests.factories import UserFactory
from tools.models import QuestionsGuidePage, TreatmentHistoryPage
from treatments.models import (
    RegulatoryStatus,
    SideEffectIndexPage,
    SideEffectPage,
    TreatmentComparisonPage,
    TreatmentIndexPage,
    TreatmentPage,
    TreatmentSideEffect,
)

SOURCE_SIDE_EFFECTS = {
    "IV and oral steroids": {
        "potential": [
            ("Increased risk of infections", ""),
            ("Effects on the adrenal glands during and after treatment", ""),
            ("Increased blood pressure, salt, and water retention levels", ""),
            ("Unpredictable response to vaccines", ""),
            ("You should not receive certain vaccines during treatment with steroids", ""),
            ("Masking (hiding) of other conditions or diseases", ""),
            ("Stomach or intestinal problems", ""),
            ("Changes in mood or behavior", ""),
            ("Worsening of other medical conditions", "such as diabetes or eye problems"),
            ("Allergic reactions", "skin rash, swollen face, or trouble breathing"),
            ("Potential negative effect on bone density", ""),
            ("Fetal harm", ""),
        ],
        "common": [
            ("Fluid retention", ""),
            ("Changes in glucose tolerance", ""),
            ("Increased blood pressure", ""),
            ("Changes in mood or behavior", ""),  # the source: "behavior or mood changes"
            ("Increased appetite", ""),
            ("Weight gain", ""),
        ],
    },
    "Plasma exchange": {
        "potential": [
            ("Nausea", ""),
            ("Low blood pressure", ""),
            ("Burning or prickling sensation in the arms and legs", "“pins and needles”"),
            ("Complications related to the way the treatment is given", ""),
        ],
    },
    "IVIG (intravenous immunoglobulin G)": {
        "serious": [
            ("Allergic reactions", "severe, causing difficulty in breathing or skin rashes"),
            ("Decreased kidney function or kidney failure", ""),
            ("Blood clots", "in the heart, brain, lungs, or elsewhere in the body"),
            (
                "Severe headaches, drowsiness, fever, painful eye movements, or nausea and "
                "vomiting",
                "",
            ),
            ("Dark colored urine, swelling, fatigue, and difficulty breathing", ""),
        ],
        "common": [
            (
                "Infusion site reactions",
                "mild or moderate pain, swelling, itching, redness, bruising, warmth",
            ),
            ("Headache", ""),
            ("Migraine", ""),
            ("Fever", ""),
            ("Fatigue", ""),
            ("Itching", ""),
            ("Rash or hives", ""),
            ("Cough", ""),
            ("Chest pain or tightness", ""),
            ("Chills or shaking chills", ""),
            ("Dizziness", ""),
            ("Nausea", ""),
            ("Vomiting", ""),
            ("Faster heart rate", ""),
            ("Upper abdominal pain", ""),
            ("Increased blood pressure", ""),
            ("Muscle cramps", ""),
            ("Sore throat", ""),
        ],
    },
    "Rehabilitation": {},  # the source names no side effects
}

SOURCE_REGULATORY_STATUS = {
    "IV and oral steroids": (RegulatoryStatus.FDA_APPROVED, "short-term (acute)"),
    "Plasma exchange": (RegulatoryStatus.NOT_FDA_APPROVED, "American Academy of Neurology"),
    "IVIG (intravenous immunoglobulin G)": (
        RegulatoryStatus.NOT_FDA_APPROVED,
        "do not respond to steroids or cannot take them",
    ),
    "Rehabilitation": (RegulatoryStatus.NOT_STATED, ""),
}

# The six terms defined at the end of the source, with the other names the source uses.
SOURCE_GLOSSARY = {
    "Relapse": ["relapses", "attack", "attacks"],
    "Rehabilitation": [],
    "Immune response": [],
    "Inflammation": [],
    "Corticosteroid": ["corticosteroids", "steroid", "steroids"],
    "Immunoglobulin G": [],
}

IVIG_AT_RISK = [
    "already have kidney problems of any degree",
    "diabetes",
    "over 65",
    "low body fluids (volume depletion)",
    "sepsis",
    "paraproteinemia",
    "medicines known to harm the kidneys",
]


def load():
    output = StringIO()
    call_command("load_demo_content", stdout=output)
    return output.getvalue()


@pytest.fixture(scope="module")
def loaded_site(django_db_setup, django_db_blocker):
    """The demo site, loaded once for this module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        load()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def site(loaded_site, db):
    """Each test's changes are undone after it; the loaded site stays for the next test."""


def treatment(title):
    return TreatmentPage.objects.get(title=title)


def side_effects_by_class(page):
    return {
        classification.value: [(link.side_effect.title, link.note) for link in links]
        for classification, links in page.side_effects_by_class.items()
    }


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "side effect links": TreatmentSideEffect.objects.count(),
        "related terms": GlossaryTermPage.related_terms.through.objects.count(),
    }


def test_every_treatment_lists_the_sources_side_effects_in_their_classes(site):
    for title, expected in SOURCE_SIDE_EFFECTS.items():
        assert side_effects_by_class(treatment(title)) == expected, title


def test_a_side_effect_named_by_several_treatments_has_one_page(site):
    nausea = SideEffectPage.objects.get(title="Nausea")
    blood_pressure = SideEffectPage.objects.get(title="Increased blood pressure")

    assert {
        (link.treatment.title, link.classification) for link in nausea.treatment_links.all()
    } == {
        ("Plasma exchange", "potential"),
        ("IVIG (intravenous immunoglobulin G)", "common"),
    }
    assert {
        (link.treatment.title, link.classification) for link in blood_pressure.treatment_links.all()
    } == {("IV and oral steroids", "common"), ("IVIG (intravenous immunoglobulin G)", "common")}
    named = {
        name
        for classes in SOURCE_SIDE_EFFECTS.values()
        for items in classes.values()
        for name, _ in items
    }
    assert sorted(SideEffectPage.objects.live().values_list("title", flat=True)) == sorted(named)


def test_each_treatments_regulatory_status_is_the_sources(site):
    for title, (status, reason) in SOURCE_REGULATORY_STATUS.items():
        page = treatment(title)
        assert page.regulatory_status == status, title
        assert reason in strip_tags(page.regulatory_note), title


def test_rehabilitation_says_only_what_the_source_says(site):
    page = treatment("Rehabilitation")

    assert "physical and occupational therapy" in page.summary
    assert (page.how_it_works, page.how_it_is_given, page.routes) == ("", "", [])


def test_the_ivig_kidney_warning_comes_before_what_it_is(site, client):
    html = client.get(treatment("IVIG (intravenous immunoglobulin G)").url).content.decode()
    text = " ".join(strip_tags(html).split())

    warning = text.index("Warning: Risk of kidney problems and kidney failure")
    assert warning < text.index("What it is")
    for words in ["acute kidney failure", "death", "sucrose", "slowest rate that is practical"]:
        assert warning < text.index(words) < text.index("What it is"), words
    at_risk = re.search(r"Who is most at risk</h3>\s*<ul>(.*?)</ul>", html, re.DOTALL)[1]
    groups = [strip_tags(item) for item in re.findall(r"<li>(.*?)</li>", at_risk, re.DOTALL)]
    assert len(groups) == len(IVIG_AT_RISK)
    for group, expected in zip(groups, IVIG_AT_RISK, strict=True):
        assert expected in group


def test_the_glossary_has_the_sources_six_terms_and_their_other_names(site):
    terms = {term.title: term for term in GlossaryTermPage.objects.live()}

    for title, other_names in SOURCE_GLOSSARY.items():
        assert terms[title].other_names == other_names, title
        assert terms[title].definition, title
    assert "IVIG" not in terms["Immunoglobulin G"].other_names
    assert set(terms["Corticosteroid"].related_terms.all()) == {
        terms["Inflammation"],
        terms["Immune response"],
    }


def test_the_general_sections_cover_the_source(site):
    index = TreatmentIndexPage.objects.get(slug="treatments")
    sections = {
        "relapse_versus_long_term": ["Do not stop your regular MS treatment", "as directed"],
        "no_one_size_fits_all": ["one-size-fits-all"],
        "relapse_ready": ["treatment history", "Did you recover fully?"],
        "under_investigation": [
            "Intravenous steroids for MS attacks (relapses)",
            "Oral steroids for MS attacks (relapses)",
            "Plasma exchange for neuromyelitis optica (a condition related to MS)",
        ],
        "disclaimer": ["not medical advice", demo_content.DECISION],
    }
    for name, phrases in sections.items():
        for phrase in phrases:
            assert phrase in getattr(index, name), (name, phrase)


def test_every_page_is_published_with_a_title_and_description_for_search_engines(site):
    pages = Page.objects.filter(depth__gt=1).specific()

    assert len(pages) == (
        1 + 3 + 4 + len(demo_content.SIDE_EFFECTS) + len(demo_content.GLOSSARY) + 3
    )
    for page in pages:
        assert page.live and page.seo_title and page.search_description, page.title
        assert page.get_latest_revision().user is None, page.title
    menu = (
        Page.objects.in_menu()
        .live()
        .type(TreatmentIndexPage, SideEffectIndexPage, GlossaryIndexPage)
    )
    assert [page.slug for page in menu.order_by("path")] == [
        "treatments",
        "side-effects",
        "glossary",
    ]


def test_every_section_of_every_page_cites_the_one_source(site):
    source = Source.objects.get()
    assert (source.title, source.authors) == (
        "How Are Multiple Sclerosis (MS) Relapses Treated?",
        "Rethink MS Relapses",
    )
    # The page names no address, DOI or date of its own, so none is made up.
    assert (source.url, source.doi, source.date_published) == ("", "", None)
    assert source.live
    labels = set()
    for page in Page.objects.filter(depth__gt=1).live().specific():
        for section in evidence.check(page):
            assert section.sources == (source,), (page.title, section.label)
            labels.add(section.label)
    # Rich text, a safety warning, a side effect and a regulatory status, on every page type.
    assert {
        "Intro",
        "What it is",
        "Safety warning: Risk of kidney problems and kidney failure",
        "Side effect: Fetal harm (possible side effects)",
        "Regulatory status",
    } <= labels
    # Nobody has checked it yet: the loader published it, as it publishes the pages.
    assert list(Source.objects.due_for_checking()) == [source]


def test_every_page_lists_its_source_at_the_end(site, client):
    html = client.get(treatment("Plasma exchange").url).content.decode()
    assert "Source 1: How Are Multiple Sclerosis (MS) Relapses Treated?" in html
    assert "Rethink MS Relapses. Other web page for patients." in html


def test_every_page_renders(site, client):
    for page in Page.objects.filter(depth__gt=1).live():
        assert client.get(page.url).status_code == 200, page.url


def test_every_treatment_has_questions_to_ask_and_none_is_a_claim(site):
    for page in TreatmentPage.objects.all():
        asked = [block.value for block in page.questions_to_ask]
        assert asked, page.title
        for question in asked:
            assert question.endswith("?"), question
    ivig = treatment("IVIG (intravenous immunoglobulin G)").questions_to_ask
    assert any("most at risk of kidney problems" in block.value for block in ivig)
    assert any("sucrose" in block.value for block in ivig)
    for title in ("Plasma exchange", "IVIG (intravenous immunoglobulin G)"):
        first = treatment(title).questions_to_ask[0].value
        assert "not FDA-approved" in first and "Why do you suggest it for me?" in first, title


def test_the_patient_tools_sit_in_their_places_and_ask_the_sources_questions(site):
    home = HomePage.objects.get()
    assert TreatmentComparisonPage.objects.child_of(TreatmentIndexPage.objects.get()).live()
    history = TreatmentHistoryPage.objects.child_of(home).live().get()
    guide = QuestionsGuidePage.objects.child_of(home).live().get()
    for question in ["Did your symptoms go away?", "Did you recover fully?", "side effects?"]:
        assert question in history.intro, question
    assert all(block.value.endswith("?") for block in guide.general_questions)
    assert demo_content.DECISION in guide.intro


def test_the_home_page_gets_its_intro(site):
    assert "talk with your healthcare provider" in HomePage.objects.get().intro


def test_loading_twice_changes_nothing(site):
    before = counts()

    output = load()

    assert counts() == before
    assert "0 created, 0 updated" in output


@pytest.mark.parametrize("publish", [True, False], ids=["published edit", "draft edit"])
def test_an_edit_by_a_writer_survives_loading_again(site, publish):
    writer = UserFactory()
    page = treatment("IV and oral steroids")
    page.summary = "A writer's better summary."
    revision = page.save_revision(user=writer)
    if publish:
        revision.publish()

    output = load()

    page.refresh_from_db()
    assert page.get_latest_revision() == revision
    assert page.get_latest_revision_as_object().summary == "A writer's better summary."
    assert "1 kept because edited" in output
    assert "IV and oral steroids" in output


def test_a_page_as_the_loader_left_it_follows_a_change_in_the_demo_content(site, monkeypatch):
    steroids = treatment("IV and oral steroids")
    fetal_harm = steroids.side_effect_links.get(side_effect__title="Fetal harm")
    changed = dataclasses.replace(
        demo_content.STEROIDS,
        fields={**demo_content.STEROIDS.fields, "summary": "A changed summary."},
        side_effects=tuple(
            dataclasses.replace(listed, note="a changed note")
            if listed.side_effect == "Fetal harm"
            else listed
            for listed in demo_content.STEROIDS.side_effects
        ),
    )
    monkeypatch.setattr(demo_content, "TREATMENTS", (changed, *demo_content.TREATMENTS[1:]))
    links_before = TreatmentSideEffect.objects.count()

    output = load()

    steroids.refresh_from_db()
    assert steroids.summary == "A changed summary."
    assert steroids.get_latest_revision().user is None
    assert steroids.side_effect_links.get(pk=fetal_harm.pk).note == "a changed note"
    assert TreatmentSideEffect.objects.count() == links_before
    assert "1 updated" in output


def test_every_page_reads_at_grade_8_or_below(site):
    """As the editor scores it: glossary names count as one short word, and titles (names of
    treatments, side effects and terms, kept as the source gives them) are not scored. A page
    too short to score, such as a side effect with no more than its name, has no grade."""
    pages = Page.objects.filter(depth__gt=1).specific()
    grades = {page.title: readability.assess(page).grade for page in pages}

    long_pages = [demo_content.HOME, demo_content.TREATMENT_INDEX, *demo_content.TREATMENTS]
    assert all(grades[content.title] is not None for content in long_pages)
    assert {title: grade for title, grade in grades.items() if grade and grade > 8} == {}
