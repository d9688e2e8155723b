"""A small but realistic portal, built with the factories, for the page-level browser checks.

It has every page type, and on the treatment page everything that needs care to be
accessible: a safety warning, side effects in every class, facts, glossary terms in rich
text (marked by the glossary marker when the page renders), and citations of two sources in
the text and on structured facts, listed under "Sources". A second treatment, about which
little is known, leaves gaps ("Not stated") in the comparison table.
"""

import json
from dataclasses import dataclass

from core.blocks import questions
from glossary.models import GlossaryIndexPage, GlossaryTermPage
from home.models import HomePage
from sources.models import SourceKind
from tests.factories import (
    GlossaryIndexPageFactory,
    GlossaryTermPageFactory,
    QuestionsGuidePageFactory,
    SideEffectIndexPageFactory,
    SideEffectPageFactory,
    SourceFactory,
    TreatmentComparisonPageFactory,
    TreatmentHistoryPageFactory,
    TreatmentIndexPageFactory,
    TreatmentPageFactory,
    TreatmentSideEffectFactory,
    cite,
    home_page,
    sources_value,
)
from tools.models import QuestionsGuidePage, TreatmentHistoryPage
from treatments.models import (
    RegulatoryStatus,
    Route,
    SideEffectClass,
    SideEffectIndexPage,
    SideEffectPage,
    TreatmentComparisonPage,
    TreatmentIndexPage,
    TreatmentPage,
)

GUIDELINE = "Treating relapses of multiple sclerosis: a clinical guideline"
LABEL = "Immune globulin intravenous: prescribing information"

KIDNEY_WARNING = {
    "heading": "Risk of kidney problems",
    "body": "<p>In rare cases IVIG can harm the kidneys. This can be very serious.</p>",
    "most_at_risk": ["People who already have kidney problems", "People with diabetes"],
    "advice": "<p>Your care team may give IVIG more slowly if you are at risk.</p>",
}


@dataclass
class PortalSite:
    home: HomePage
    treatment_index: TreatmentIndexPage
    treatment: TreatmentPage
    side_effect_index: SideEffectIndexPage
    side_effect: SideEffectPage
    glossary_index: GlossaryIndexPage
    glossary_term: GlossaryTermPage
    other_treatment: TreatmentPage
    comparison: TreatmentComparisonPage
    treatment_history: TreatmentHistoryPage
    questions_guide: QuestionsGuidePage

    def public_paths(self) -> dict[str, str]:
        """One address for each kind of page a patient can reach, by a readable name."""
        return {
            "home": self.home.url,
            "treatment index": self.treatment_index.url,
            "treatment": self.treatment.url,
            "side-effect index": self.side_effect_index.url,
            "side effect": self.side_effect.url,
            "glossary index": self.glossary_index.url,
            "glossary term": self.glossary_term.url,
            "treatment comparison": self.comparison.url,
            "treatment history worksheet": self.treatment_history.url,
            "questions guide": self.questions_guide.url,
            "search results": "/search/?query=steroids",
            "search with a misspelling": "/search/?query=steriods",
            "search with no results": "/search/?query=zebra",
            "feedback thank-you": f"/feedback/thanks/?page={self.treatment.pk}",
            "not found": "/no-such-page/",
        }


def build_portal_site() -> PortalSite:
    home = home_page()
    guideline = SourceFactory(
        title=GUIDELINE,
        authors="A neurology society",
        url="https://guidelines.example.org/ms-relapses",
        doi="10.1000/ms.relapse.2021",
    )
    label = SourceFactory(title=LABEL, authors="A drug regulator", kind=SourceKind.REGULATOR)
    treatment_index = TreatmentIndexPageFactory(
        show_in_menus=True,
        search_description="What can be done about a relapse, treatment by treatment.",
        intro="<p>Relapses can be treated. Treatment can shorten a relapse and help you "
        "recover sooner. Options include steroids and plasma exchange.</p>",
        relapse_versus_long_term="<p>Keep taking your long-term MS treatment during a "
        "relapse. It still helps to prevent relapses.</p>",
    )
    side_effect_index = SideEffectIndexPageFactory(
        show_in_menus=True,
        search_description="Which treatments can cause which side effects.",
        intro="<p>Every side effect named on this site, A to Z.</p>",
    )
    glossary_index = GlossaryIndexPageFactory(
        show_in_menus=True,
        search_description="Medical words, explained.",
        intro="<p>Medical words on this site, in plain language.</p>",
    )
    steroid = GlossaryTermPageFactory(
        parent=glossary_index,
        title="corticosteroid",
        definition="A hormone that lessens inflammation and lowers the immune response.",
        other_names=["steroid", "steroids"],
    )
    inflammation = GlossaryTermPageFactory(
        parent=glossary_index,
        title="inflammation",
        definition="Swelling, pain and loss of function where the body is hurt.",
    )
    GlossaryTermPageFactory(
        parent=glossary_index,
        title="immunoglobulin G",
        definition="The most common kind of antibody in the blood.",
    )
    steroid.related_terms.set([inflammation])
    steroid.save()

    treatment = TreatmentPageFactory(
        parent=treatment_index,
        title="Intravenous immunoglobulin G (IVIG)",
        slug="ivig",
        summary="IVIG is sometimes used when steroids do not help or cannot be taken.",
        safety_warnings=json.dumps(
            [{"type": "warning", "value": {**KIDNEY_WARNING, "sources": [label.pk]}}]
        ),
        what_it_is="<p>IVIG is a prescription treatment." + cite(label) + " It is used for "
        "people who cannot take steroids or whose relapse did not get better with them."
        + cite(guideline)
        + "</p>",
        how_it_works="<p>IVIG is made from antibodies given by healthy donors. It may calm "
        "the immune response and the inflammation behind a relapse.</p>",
        routes=[Route.INTO_A_VEIN, Route.UNDER_THE_SKIN],
        schedule="Over several sessions",
        regulatory_status=RegulatoryStatus.NOT_FDA_APPROVED,
        regulatory_status_sources=sources_value(label),
        regulatory_note="<p>Some doctors still use it. Read more at "
        '<a href="https://www.fda.gov/">the FDA website</a>.</p>',
        who_it_may_suit="<p>People who do not respond to steroids.</p>",
        side_effects_note="<p>These are not all of the possible side effects.</p>",
        questions_to_ask=questions(
            "IVIG is not FDA-approved for relapses. Why do you suggest it for me?",
            "Am I in one of the groups most at risk of kidney problems from IVIG?",
        ),
    )
    other_treatment = TreatmentPageFactory(
        parent=treatment_index,
        title="Plasma exchange",
        slug="plasma-exchange",
        summary="Plasma exchange may be used for a severe relapse.",
        schedule="Several sessions, each 48 hours apart",
        questions_to_ask=questions("How many sessions will I need?"),
    )
    comparison = TreatmentComparisonPageFactory(parent=treatment_index)
    treatment_history = TreatmentHistoryPageFactory(parent=home)
    questions_guide = QuestionsGuidePageFactory(
        parent=home,
        general_questions=questions(
            "Do I need treatment for this relapse?", "How soon should I start treatment?"
        ),
    )
    side_effects = {
        SideEffectClass.SERIOUS: ["Kidney failure", "Blood clots"],
        SideEffectClass.POTENTIAL: ["Allergic reactions"],
        SideEffectClass.COMMON: ["Headache", "Fever"],
    }
    side_effect = None
    for classification, titles in side_effects.items():
        for title in titles:
            side_effect = SideEffectPageFactory(
                parent=side_effect_index,
                title=title,
                description=f"<p>{title} can happen with some relapse treatments. "
                "Tell your care team about steroids you have taken.</p>",
            )
            TreatmentSideEffectFactory(
                treatment=treatment,
                side_effect=side_effect,
                classification=classification,
                note="skin rash, swollen face, or trouble breathing"
                if title == "Allergic reactions"
                else "",
                sources=sources_value(label),
            )
    return PortalSite(
        home=home,
        treatment_index=treatment_index,
        treatment=treatment,
        side_effect_index=side_effect_index,
        side_effect=side_effect,
        glossary_index=glossary_index,
        glossary_term=steroid,
        other_treatment=other_treatment,
        comparison=comparison,
        treatment_history=treatment_history,
        questions_guide=questions_guide,
    )
