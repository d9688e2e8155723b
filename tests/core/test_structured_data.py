"""Every page describes itself to search engines as schema.org JSON-LD, from what it stores."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup

from tests.factories import (
    GlossaryTermPageFactory,
    SideEffectPageFactory,
    TreatmentPageFactory,
    TreatmentSideEffectFactory,
    UserFactory,
    publish_approved,
)
from treatments.models import SideEffectClass, TreatmentSideEffect

pytestmark = pytest.mark.django_db

HOSTILE = "</script><script>alert(1)</script>"


def structured_data(client, page):
    """The page's one JSON-LD script element, parsed."""
    response = client.get(page.url)
    assert response.status_code == 200
    scripts = BeautifulSoup(response.content, "html.parser").head.find_all(
        "script", type="application/ld+json"
    )
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def outcome_names(therapy, kind):
    return sorted(entity["name"] for entity in therapy.get(kind, []))


@pytest.fixture
def plasma_exchange(treatment_index):
    return TreatmentPageFactory(
        parent=treatment_index,
        title="Plasma exchange",
        summary="Blood plasma is swapped for a replacement.",
        search_description="What plasma exchange is and how it is given.",
    )


@pytest.fixture(params=["home", "treatment index", "treatment", "side effect", "glossary term"])
def any_page(request, home, treatment_index, side_effect_index, glossary_index):
    page = {
        "home": lambda: home,
        "treatment index": lambda: treatment_index,
        "treatment": TreatmentPageFactory,
        "side effect": SideEffectPageFactory,
        "glossary term": GlossaryTermPageFactory,
    }[request.param]()
    page.search_description = "A line about this page."
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_every_page_is_a_medical_web_page_for_patients(client, any_page, home):
    data = structured_data(client, any_page)

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "MedicalWebPage"
    assert data["name"] == any_page.title
    assert data["description"] == "A line about this page."
    assert data["url"] == any_page.full_url
    assert data["url"].startswith("http")
    assert data["inLanguage"] == "en-US"
    assert data["audience"] == {"@type": "Patient"}
    assert data["dateModified"] == any_page.last_published_at.isoformat(timespec="seconds")
    assert data["isPartOf"] == {
        "@type": "WebSite",
        "name": "MS relapse treatments",
        "url": home.full_url,
    }


def test_a_page_without_a_search_description_has_no_empty_description(client, treatment_index):
    treatment_index.search_description = ""
    treatment_index.save_revision().publish()

    assert "description" not in structured_data(client, treatment_index)


def test_only_a_treatment_page_describes_a_therapy(client, treatment_index):
    data = structured_data(client, treatment_index)

    assert "mainEntity" not in data
    assert "about" not in data


def test_a_treatment_page_is_about_the_treatment_as_the_page_describes_it(client, plasma_exchange):
    data = structured_data(client, plasma_exchange)

    therapy = data["mainEntity"]
    assert therapy["@type"] == "MedicalTherapy"
    assert therapy["name"] == "Plasma exchange"
    assert therapy["description"] == "Blood plasma is swapped for a replacement."
    assert data["about"] == {"@id": therapy["@id"]}
    assert "adverseOutcome" not in therapy
    assert "seriousAdverseOutcome" not in therapy


def test_a_therapy_lists_exactly_its_live_side_effects_serious_ones_as_serious(
    client, plasma_exchange, side_effect_index
):
    serious = TreatmentSideEffectFactory(
        treatment=plasma_exchange,
        side_effect__title="Low blood pressure",
        classification=SideEffectClass.SERIOUS,
    )
    TreatmentSideEffectFactory(
        treatment=plasma_exchange,
        side_effect__title="Tiredness",
        classification=SideEffectClass.COMMON,
    )
    TreatmentSideEffectFactory(
        treatment=plasma_exchange,
        side_effect__title="Infection",
        classification=SideEffectClass.POTENTIAL,
    )
    TreatmentSideEffectFactory(
        treatment=plasma_exchange, side_effect__title="Unpublished effect"
    ).side_effect.unpublish()
    TreatmentSideEffectFactory(side_effect__title="Another treatment's effect")

    therapy = structured_data(client, plasma_exchange)["mainEntity"]

    assert outcome_names(therapy, "seriousAdverseOutcome") == ["Low blood pressure"]
    assert outcome_names(therapy, "adverseOutcome") == ["Infection", "Tiredness"]
    assert therapy["seriousAdverseOutcome"] == [
        {
            "@type": "MedicalEntity",
            "name": "Low blood pressure",
            "url": serious.side_effect.full_url,
        }
    ]


def test_a_side_effect_linked_only_in_an_unpublished_draft_is_not_listed(
    client, plasma_exchange, side_effect_index
):
    draft = type(plasma_exchange).objects.get(pk=plasma_exchange.pk)
    draft.side_effect_links.add(
        TreatmentSideEffect(
            side_effect=SideEffectPageFactory(title="Draft-only effect"),
            classification=SideEffectClass.SERIOUS,
        )
    )
    draft.save_revision()

    therapy = structured_data(client, plasma_exchange)["mainEntity"]

    assert "seriousAdverseOutcome" not in therapy
    assert "Draft-only effect" not in json.dumps(therapy)


def test_a_side_effect_classed_twice_is_one_outcome(client, plasma_exchange, side_effect_index):
    tiredness = SideEffectPageFactory(title="Tiredness")
    for classification in (SideEffectClass.POTENTIAL, SideEffectClass.COMMON):
        TreatmentSideEffectFactory(
            treatment=plasma_exchange, side_effect=tiredness, classification=classification
        )

    therapy = structured_data(client, plasma_exchange)["mainEntity"]

    assert outcome_names(therapy, "adverseOutcome") == ["Tiredness"]


MARCH_14 = datetime.datetime(2026, 3, 14, 12, tzinfo=datetime.UTC)


def test_the_review_record_appears_only_once_a_reviewer_has_approved(client, plasma_exchange):
    plasma_exchange.save_revision().publish()
    before = structured_data(client, plasma_exchange)
    assert "lastReviewed" not in before
    assert "reviewedBy" not in before

    reviewer = UserFactory(first_name="Grace", last_name="Okafor")
    publish_approved(plasma_exchange, reviewer=reviewer, approved_at=MARCH_14)

    after = structured_data(client, plasma_exchange)
    assert after["lastReviewed"] == "2026-03-14"
    assert after["reviewedBy"] == {"@type": "Person", "name": "Grace Okafor"}


def test_a_version_published_without_review_claims_no_review(client, plasma_exchange):
    publish_approved(plasma_exchange, approved_at=MARCH_14)
    assert "reviewedBy" in structured_data(client, plasma_exchange)

    plasma_exchange.summary = "An urgent correction, published by an administrator."
    plasma_exchange.save_revision().publish()

    data = structured_data(client, plasma_exchange)
    assert "lastReviewed" not in data
    assert "reviewedBy" not in data


def test_a_reviewer_without_a_full_name_is_not_named(client, plasma_exchange):
    reviewer = UserFactory(first_name="", last_name="")
    publish_approved(plasma_exchange, reviewer=reviewer, approved_at=MARCH_14)

    data = structured_data(client, plasma_exchange)

    assert data["lastReviewed"] == "2026-03-14"
    assert "reviewedBy" not in data


def test_script_in_a_title_or_summary_stays_inside_the_json(client, treatment_index):
    treatment = TreatmentPageFactory(
        parent=treatment_index,
        title=f"Steroids {HOSTILE}",
        summary=f"A summary {HOSTILE} & more",
        search_description=HOSTILE,
    )

    response = client.get(treatment.url)
    data = structured_data(client, treatment)

    assert b"<script>alert(1)" not in response.content
    assert data["name"] == f"Steroids {HOSTILE}"
    assert data["description"] == HOSTILE
    assert data["mainEntity"]["description"] == f"A summary {HOSTILE} & more"
    scripts = BeautifulSoup(response.content, "html.parser").find_all("script")
    assert [script.get("type") for script in scripts if not script.get("src")] == [
        "application/ld+json"
    ]
