"""The portal's demo content: every page of the site, as data a medical reviewer can check.

Source of every fact: the patient page "How Are Multiple Sclerosis (MS) Relapses Treated?"
(the project's seed source). Rules this module follows:

- Every fact in the source is here, and nothing the source does not say is stated as fact.
- Sentences are ours, in plain words (aim: US grade 6-8). Names of side effects, groups of
  people and trials carry over as the source gives them.
- A side effect is listed with a name (the title of its page, shared by every treatment that
  lists it) and, where the source says more for one treatment, a note. Name and note together
  hold the source's words. A slash in the source is written as "or", because screen readers read
  "/" as "slash". "nausea/vomiting" is split into two side effects; nothing else is split.
- The safety framing stays: this is education, not advice, and only you and your healthcare
  provider can decide what treatment is right for you.

``python manage.py load_demo_content`` turns this module into published pages; read it top to
bottom: home page, "How are MS relapses treated?", the treatments, side effects, glossary, and
the patient tools.

Questions a patient can ask are questions, not claims: each one asks about a fact the source
gives (a treatment not approved by the FDA for relapses, IVIG's kidney warning, the source's
own questions about past relapses), and none answers itself.
"""

from dataclasses import dataclass, field

from django.utils.text import slugify

from core.blocks import questions
from sources.models import SourceKind
from treatments.models import RegulatoryStatus, Route, SideEffectClass

POTENTIAL = SideEffectClass.POTENTIAL
COMMON = SideEffectClass.COMMON
SERIOUS = SideEffectClass.SERIOUS

DECISION = "Only you and your healthcare provider can decide what treatment is right for you."


@dataclass(frozen=True)
class Listed:
    """A side effect as one treatment lists it: the side effect's name, its class, a note."""

    side_effect: str  # the title of a side effect in SIDE_EFFECTS
    classification: SideEffectClass
    note: str = ""


@dataclass(frozen=True)
class Content:
    """One page: where it lives, what search engines see, and its own fields."""

    slug: str
    title: str
    seo_title: str
    search_description: str
    fields: dict = field(default_factory=dict)
    side_effects: tuple[Listed, ...] = ()  # treatments only
    related_terms: tuple[str, ...] = ()  # glossary terms only: titles of other terms


# --- The source --------------------------------------------------------------------------------

# Every statement on the site comes from this one page, so every section cites it (the loader
# adds the citations). The page gives no web address, DOI or date of its own: none is stated.
SOURCE = {
    "title": "How Are Multiple Sclerosis (MS) Relapses Treated?",
    "authors": "Rethink MS Relapses",
    "kind": SourceKind.PATIENT_PAGE,
}


# --- Home page ---------------------------------------------------------------------------------

HOME = Content(
    slug="home",
    title="MS relapse treatments",
    seo_title="MS relapse treatments in plain words",
    search_description="Plain-language facts about how MS relapses are treated: steroids, "
    "plasma exchange, IVIG and rehabilitation.",
    fields={
        "intro": "<p>No one can predict an MS relapse, but relapses can be treated. This site "
        "explains the treatments in plain words: what each one is, how it is given, and its "
        "side effects.</p>"
        "<p>Use it to get ready to talk with your healthcare provider. " + DECISION + "</p>",
    },
)


# --- How are MS relapses treated? ---------------------------------------------------------------

TREATMENT_INDEX = Content(
    slug="treatments",
    title="How are MS relapses treated?",
    seo_title="How MS relapses are treated",
    search_description="The treatments for MS relapses, how they differ from long-term MS "
    "treatment, and how to be ready for your next relapse.",
    fields={
        "show_in_menus": True,
        "intro": "<p>No one can predict a relapse, or attack, but it can be treated. Relapse "
        "treatment aims to make a relapse shorter and to help you recover from it faster.</p>"
        "<p>In the United States, steroids are one treatment the FDA has approved. Your "
        "healthcare provider may also prescribe other treatments, such as IVIG (intravenous "
        "immunoglobulin G) or plasma exchange, even though the FDA has not approved them. "
        "Rehabilitation may also help you regain function.</p>"
        "<p>When a relapse is found, your healthcare team will work with you to decide if you "
        "need treatment, and which treatment may work best for you. You have options. It is "
        "important to understand all of them.</p>"
        "<p>" + DECISION + "</p>",
        "relapse_versus_long_term": "<p>Some MS treatments are for the long term, and some "
        "are for relapses:</p>"
        "<ul><li><b>Disease-modifying treatments</b> slow the course of MS and prevent "
        "relapses. You take them over the long term, all through the course of your MS.</li>"
        "<li><b>Relapse treatments</b> are taken for a short time, during a relapse.</li></ul>"
        "<p>Treating a relapse has been shown to make it shorter, to speed up recovery, and to "
        "lessen disability from the relapse in the short term. So the sooner you get treatment "
        "for a relapse, the sooner you may feel better.</p>"
        "<p>People usually take relapse treatment along with their disease-modifying "
        "treatment. Do not stop your regular MS treatment when you have a relapse. A relapse "
        "does not mean that your disease-modifying treatment has stopped doing its job of "
        "preventing relapses. Keep taking it as directed.</p>",
        "no_one_size_fits_all": "<p>There is no “one-size-fits-all” treatment plan for MS. "
        "MS varies a lot from person to person, and each person lives with it in a different "
        "way. This is even more true for relapses.</p>"
        "<p>As one MS doctor puts it, a treatment plan treats the disease, the symptoms, and "
        "the person.</p>",
        "relapse_ready": "<p>Relapses happen far less often in MS than they used to. You can "
        "still be ready for your next one by telling your care team about your treatment "
        "history. This helps them decide if you may need a change in treatment for your next "
        "relapse.</p>"
        "<p>It helps to know which treatments you have had for past relapses and how each one "
        "affected you. For each one, think about these questions:</p>"
        "<ul><li>Did your symptoms go away?</li><li>Did you recover fully?</li>"
        "<li>Did you have any side effects?</li></ul>"
        "<p>A simple summary is enough. It tells your care team how you responded to treatment "
        "and about other changes in your health. Be sure to talk with them about how things "
        "went during and after treatment.</p>",
        # The source ends "Search for ongoing clinical trials at" without saying where, so no
        # place to search is named here.
        "under_investigation": "<p>Scientists keep studying treatments for MS relapses. "
        "Clinical trials going on now are testing:</p>"
        "<ul><li>Intravenous steroids for MS attacks (relapses)</li>"
        "<li>Oral steroids for MS attacks (relapses)</li>"
        "<li>Plasma exchange for neuromyelitis optica (a condition related to MS)</li></ul>",
        "disclaimer": "<p>This site is for learning. It is not medical advice. "
        + DECISION
        + "</p>",
    },
)


# --- Treatments ---------------------------------------------------------------------------------

NOT_ALL_SIDE_EFFECTS = (
    "<p>These are not all of the possible side effects of {name}. Talk to your healthcare "
    "provider about the side effects of {them}.</p>"
)

STEROIDS = Content(
    slug="steroids",
    title="IV and oral steroids",
    seo_title="IV and oral steroids for MS relapses",
    search_description="What IV and oral steroids (corticosteroids) are, how they treat MS "
    "relapses, how they are given, and their side effects.",
    fields={
        # Other names patients search for, as the source gives them: "IV and oral steroids
        # (also known as “corticosteroids”)".
        "search_names": ["corticosteroids"],
        "summary": "Steroids, also called corticosteroids, are prescription medicines given "
        "into a vein or by mouth. The FDA has approved them for short-term treatment of MS "
        "relapses.",
        # The source gives no warning for steroids. Its line about vaccines is one of the
        # possible side effects, and stays there.
        "safety_warnings": [],
        "what_it_is": "<p>IV and oral steroids are man-made (synthetic) prescription "
        "medicines. They are also called corticosteroids. They are used for the short-term "
        "(acute) treatment of MS relapses, and for many other conditions too.</p>",
        "how_it_works": "<p>Steroids act on the immune response. This lowers the inflammation "
        "that plays a part in MS relapses.</p>"
        "<p>It has not been proven that steroids change the course of MS.</p>",
        "routes": [Route.INTO_A_VEIN, Route.BY_MOUTH],
        "schedule": "",
        "how_it_is_given": "<p>Steroids are either injected into a vein (intravenously, or "
        "IV) or taken by mouth (orally).</p>",
        "regulatory_status": RegulatoryStatus.FDA_APPROVED,
        "regulatory_note": "<p>The FDA has approved steroids for the short-term (acute) "
        "treatment of MS relapses.</p>",
        "who_it_may_suit": "",
        "side_effects_note": NOT_ALL_SIDE_EFFECTS.format(name="steroids", them="these medicines"),
        "questions_to_ask": questions(
            "Will I take steroids by mouth or get them into a vein? Why?",
            "Which side effects of steroids should I watch for?",
            "Could steroids make my other health problems worse, such as diabetes or eye problems?",
            "Are there vaccines I should not get while I take steroids?",
            "I am pregnant or could become pregnant. What should I know before I take steroids?",
        ),
    },
    side_effects=(
        # "Potential side effects of steroids include:" (12 bullets, in the source's order)
        Listed("Increased risk of infections", POTENTIAL),
        Listed("Effects on the adrenal glands during and after treatment", POTENTIAL),
        Listed("Increased blood pressure, salt, and water retention levels", POTENTIAL),
        Listed("Unpredictable response to vaccines", POTENTIAL),
        Listed("You should not receive certain vaccines during treatment with steroids", POTENTIAL),
        Listed("Masking (hiding) of other conditions or diseases", POTENTIAL),
        Listed("Stomach or intestinal problems", POTENTIAL),
        Listed("Changes in mood or behavior", POTENTIAL),
        Listed(
            "Worsening of other medical conditions", POTENTIAL, "such as diabetes or eye problems"
        ),
        Listed("Allergic reactions", POTENTIAL, "skin rash, swollen face, or trouble breathing"),
        Listed("Potential negative effect on bone density", POTENTIAL),
        Listed("Fetal harm", POTENTIAL),
        # "Common side effects of steroids include ..." (6, in the source's order). The source
        # writes "behavior or mood changes" here: the same side effect as "Changes in mood or
        # behavior" above, so it shares that page.
        Listed("Fluid retention", COMMON),
        Listed("Changes in glucose tolerance", COMMON),
        Listed("Increased blood pressure", COMMON),
        Listed("Changes in mood or behavior", COMMON),
        Listed("Increased appetite", COMMON),
        Listed("Weight gain", COMMON),
    ),
)

PLASMA_EXCHANGE = Content(
    slug="plasma-exchange",
    title="Plasma exchange",
    seo_title="Plasma exchange (plasmapheresis) for MS relapses",
    search_description="What plasma exchange (plasmapheresis) is, how it works for severe MS "
    "relapses, how it is given, and its side effects.",
    fields={
        # The source: "Plasma exchange (also called “plasmapheresis”)".
        "search_names": ["plasmapheresis"],
        "summary": "Blood is taken out of the body, parts of its plasma are removed, and the "
        "blood is put back. It is not FDA-approved for MS relapses, but it may be used for "
        "severe relapses when steroids do not work well.",
        "safety_warnings": [],
        "what_it_is": "<p>Plasma exchange is also called plasmapheresis. The FDA has not "
        "approved it for treating MS relapses.</p>",
        "how_it_works": "<p>Blood is taken out of the body. Parts of the blood's plasma that "
        "are thought to play a part in MS are removed. Then the blood is put back into the "
        "body along with replacement plasma.</p>",
        "routes": [],
        "schedule": "Several sessions, each 48 hours apart",
        "how_it_is_given": "<p>It is given in several sessions, with 48 hours between one "
        "session and the next.</p>",
        "regulatory_status": RegulatoryStatus.NOT_FDA_APPROVED,
        "regulatory_note": "<p>Even so, the American Academy of Neurology recommends plasma "
        "exchange for severe relapses when a person does not respond well to steroids.</p>",
        "who_it_may_suit": "<p>People having a severe relapse who do not respond well to "
        "steroids.</p>",
        "side_effects_note": "<p>These are only some of the possible side effects of plasma "
        "exchange. There may be other side effects that can be serious. Talk to your "
        "healthcare provider about the side effects of this treatment.</p>",
        "questions_to_ask": questions(
            "Plasma exchange is not FDA-approved for relapses. Why do you suggest it for me?",
            "How many sessions will I need?",
            "Where will I go for each session?",
            "What problems could come from the way plasma exchange is given?",
        ),
    },
    side_effects=(
        # "What are potential side effects of plasma exchange?" (4 bullets)
        Listed("Nausea", POTENTIAL),
        Listed("Low blood pressure", POTENTIAL),
        Listed(
            "Burning or prickling sensation in the arms and legs",
            POTENTIAL,
            "“pins and needles”",
        ),
        Listed("Complications related to the way the treatment is given", POTENTIAL),
    ),
)

IVIG = Content(
    slug="ivig",
    title="IVIG (intravenous immunoglobulin G)",
    seo_title="IVIG (intravenous immunoglobulin G) for MS relapses",
    search_description="What IVIG is, its kidney warning, how it is given for MS relapses, "
    "and its side effects.",
    fields={
        # The source: "immune globulin intravenous (IGIV) products".
        "search_names": ["IGIV", "immune globulin intravenous"],
        "summary": "IVIG is made of antibodies taken from healthy donors. It is not "
        "FDA-approved for MS relapses. It is sometimes used when steroids do not help or "
        "cannot be taken.",
        # The source's two warning paragraphs about IGIV (immune globulin intravenous)
        # products, before its list of serious side effects.
        "safety_warnings": [
            {
                "type": "warning",
                "value": {
                    "heading": "Risk of kidney problems and kidney failure",
                    "body": "<p>In people who are already at risk, IVIG products can cause "
                    "kidney problems, acute kidney failure, osmotic nephrosis, and "
                    "death.</p>"
                    "<p>Kidney problems and kidney failure happen more often with IVIG "
                    "products that contain sucrose.</p>",
                    "most_at_risk": [
                        "People who already have kidney problems of any degree (renal "
                        "insufficiency)",
                        "People with diabetes (diabetes mellitus)",
                        "People over 65",
                        "People with low body fluids (volume depletion)",
                        "People with sepsis",
                        "People with paraproteinemia",
                        "People taking medicines known to harm the kidneys (nephrotoxic drugs)",
                    ],
                    "advice": "<p>For people at risk of kidney problems or kidney failure, "
                    "IVIG should be given at the slowest rate that is practical.</p>",
                },
            }
        ],
        "what_it_is": "<p>IVIG stands for intravenous immunoglobulin G. It is a prescription "
        "treatment: a liquid (solution) of concentrated antibodies taken from healthy donors. "
        "The FDA has not approved it for treating MS relapses.</p>",
        "how_it_works": "<p>No one knows exactly how IVIG works. It is thought to affect the "
        "body's immune response.</p>",
        "routes": [Route.INTO_A_VEIN, Route.UNDER_THE_SKIN],
        "schedule": "Several sessions",
        "how_it_is_given": "<p>IVIG is put into a vein (infused) or injected under the skin. "
        "It is given over several sessions.</p>",
        "regulatory_status": RegulatoryStatus.NOT_FDA_APPROVED,
        "regulatory_note": "<p>Even so, your healthcare provider may prescribe it. It is "
        "sometimes used for people who do not respond to steroids or cannot take them.</p>",
        "who_it_may_suit": "<p>People who do not respond to steroids, or who cannot take "
        "steroids.</p>",
        "side_effects_note": NOT_ALL_SIDE_EFFECTS.format(name="IVIG", them="IVIG"),
        # The kidney warning's groups most at risk, asked about rather than listed again.
        "questions_to_ask": questions(
            "IVIG is not FDA-approved for relapses. Why do you suggest it for me?",
            "Am I in one of the groups most at risk of kidney problems from IVIG?",
            "Do any of the medicines I take harm the kidneys?",
            "Does the IVIG product I would get contain sucrose?",
            "Will I get IVIG into a vein or under the skin? How many sessions will I need?",
            "Which serious side effects mean I should get help right away?",
        ),
    },
    side_effects=(
        # "Serious side effects of IVIG can include:" (5 bullets). The source's "nausea and
        # vomitings" is written "nausea and vomiting".
        Listed(
            "Allergic reactions", SERIOUS, "severe, causing difficulty in breathing or skin rashes"
        ),
        Listed("Decreased kidney function or kidney failure", SERIOUS),
        Listed("Blood clots", SERIOUS, "in the heart, brain, lungs, or elsewhere in the body"),
        Listed(
            "Severe headaches, drowsiness, fever, painful eye movements, or nausea and vomiting",
            SERIOUS,
        ),
        Listed("Dark colored urine, swelling, fatigue, and difficulty breathing", SERIOUS),
        # "Common side effects of IVIG include ..." (17 items in the source's order;
        # "nausea/vomiting" is two side effects here)
        Listed(
            "Infusion site reactions",
            COMMON,
            "mild or moderate pain, swelling, itching, redness, bruising, warmth",
        ),
        Listed("Headache", COMMON),
        Listed("Migraine", COMMON),
        Listed("Fever", COMMON),
        Listed("Fatigue", COMMON),
        Listed("Itching", COMMON),
        Listed("Rash or hives", COMMON),
        Listed("Cough", COMMON),
        Listed("Chest pain or tightness", COMMON),
        Listed("Chills or shaking chills", COMMON),
        Listed("Dizziness", COMMON),
        Listed("Nausea", COMMON),
        Listed("Vomiting", COMMON),
        Listed("Faster heart rate", COMMON),
        Listed("Upper abdominal pain", COMMON),
        Listed("Increased blood pressure", COMMON),
        Listed("Muscle cramps", COMMON),
        Listed("Sore throat", COMMON),
    ),
)

# The source says only that rehabilitation may help you regain function, and what it is. It
# says nothing about how it works, how it is given, its FDA status or its side effects.
REHABILITATION = Content(
    slug="rehabilitation",
    title="Rehabilitation",
    seo_title="Rehabilitation after an MS relapse",
    search_description="What rehabilitation is and how it may help you regain function after "
    "an MS relapse.",
    fields={
        "summary": "Rehabilitation is physical and occupational therapy. It may help you "
        "regain function.",
        "safety_warnings": [],
        "what_it_is": "<p>Rehabilitation means physical and occupational therapy. Its aim is "
        "to bring back what you need to do each day. It may help you regain function.</p>",
        "how_it_works": "",
        "routes": [],
        "schedule": "",
        "how_it_is_given": "",
        "regulatory_status": RegulatoryStatus.NOT_STATED,
        "regulatory_note": "",
        "who_it_may_suit": "",
        "side_effects_note": "",
        "questions_to_ask": questions(
            "Could physical or occupational therapy help me regain function after this relapse?",
            "Which things I do each day could therapy help me with?",
        ),
    },
)

TREATMENTS = (STEROIDS, PLASMA_EXCHANGE, IVIG, REHABILITATION)


# --- Side effects -------------------------------------------------------------------------------

SIDE_EFFECT_INDEX = Content(
    slug="side-effects",
    title="Side effects",
    seo_title="Side effects of MS relapse treatments",
    search_description="Every side effect listed for MS relapse treatments on this site, "
    "A to Z, with the treatments that can cause it.",
    fields={
        "show_in_menus": True,
        "intro": "<p>Every side effect named on this site, from A to Z. Each page shows which "
        "treatments can cause it. These are not all the possible side effects of these "
        "treatments. Talk to your healthcare provider about side effects.</p>",
    },
)

# What the source says about a side effect itself, beyond its name. Most have nothing more.
SIDE_EFFECT_DESCRIPTIONS = {
    "Masking (hiding) of other conditions or diseases": "<p>Masking means hiding. Other "
    "conditions or diseases may be hidden.</p>",
    "Burning or prickling sensation in the arms and legs": "<p>This is also called “pins and "
    "needles.”</p>",
    "Infusion site reactions": "<p>These can be mild or moderate pain, swelling, itching, "
    "redness, bruising, or warmth.</p>",
}


def side_effect(title: str) -> Content:
    return Content(
        slug=slugify(title),
        title=title,
        seo_title=f"{title}: a side effect of MS relapse treatment",
        search_description=f"Which MS relapse treatments list “{title}” as a side effect.",
        fields={"description": SIDE_EFFECT_DESCRIPTIONS.get(title, "")},
    )


# One page per side effect, however many treatments list it, in order of first mention.
SIDE_EFFECTS = tuple(
    side_effect(title)
    for title in dict.fromkeys(
        listed.side_effect for treatment in TREATMENTS for listed in treatment.side_effects
    )
)


# --- Glossary -----------------------------------------------------------------------------------

GLOSSARY_INDEX = Content(
    slug="glossary",
    title="Glossary",
    seo_title="Glossary of MS treatment words",
    search_description="Plain meanings of the medical words used on this site, such as "
    "relapse, inflammation and corticosteroid.",
    fields={
        "show_in_menus": True,
        "intro": "<p>The medical words used on this site, in plain language.</p>",
    },
)


def term(title, definition, other_names=(), related_terms=()) -> Content:
    return Content(
        slug=slugify(title),
        title=title,
        seo_title=f"{title}: what it means",
        search_description=definition,
        fields={"definition": definition, "other_names": list(other_names)},
        related_terms=tuple(related_terms),
    )


GLOSSARY = (
    # The six terms the source defines at its end.
    term(
        "Relapse",
        "A time when old symptoms get worse or new symptoms appear. Also called an attack.",
        # The source uses "attack" for a relapse: "Relapses or attacks", "MS attacks (relapses)".
        other_names=["relapses", "attack", "attacks"],
        related_terms=["Rehabilitation", "Disease-modifying treatment"],
    ),
    term(
        "Rehabilitation",
        "Physical and occupational therapy. It helps you get back the abilities you need in daily "
        "life.",
        related_terms=["Relapse"],
    ),
    term(
        "Immune response",
        "How the body reacts to things that are foreign, or that it takes to be foreign.",
        related_terms=["Inflammation", "Corticosteroid", "Immunoglobulin G"],
    ),
    term(
        "Inflammation",
        "A reaction at the place of an injury, with swelling, more white blood cells, pain, "
        "and loss of function there.",
        related_terms=["Immune response", "Corticosteroid"],
    ),
    term(
        "Corticosteroid",
        "A hormone that lessens inflammation and lowers the immune response.",
        # The source: "IV and oral steroids (also known as “corticosteroids”)".
        other_names=["corticosteroids", "steroid", "steroids"],
        related_terms=["Inflammation", "Immune response"],
    ),
    term(
        "Immunoglobulin G",
        "The most common kind of antibodies. They travel in the blood and destroy foreign "
        "bodies during an immune response.",
        # No other names. The source never writes "IgG", and it uses "IVIG" (and "IGIV") for
        # the treatment made from these antibodies, which is its own term below; marking
        # "IVIG" with this definition would explain a treatment as a kind of antibody.
        related_terms=["Immune response", "Intravenous immunoglobulin G"],
    ),
    # Words the source explains in its own text.
    term(
        "Disease-modifying treatment",
        "A long-term MS treatment that slows the course of the disease and prevents relapses. "
        "It is taken all through the course of MS.",
        other_names=["disease-modifying treatments", "DMT", "DMTs"],
        related_terms=["Relapse"],
    ),
    term(
        "Intravenous",
        "Into a vein. An intravenous (IV) medicine is injected into a vein.",
        # The source: "given intravenously (injected into a vein)".
        other_names=["IV", "intravenously"],
        related_terms=["Oral"],
    ),
    term(
        "Oral",
        "By mouth.",
        # The source: "orally (by mouth)".
        other_names=["orally"],
        related_terms=["Intravenous"],
    ),
    term(
        "Plasma exchange",
        "A treatment in which blood is taken out of the body. Parts of its plasma thought to "
        "be involved in MS are removed. Then the blood is put back with replacement plasma.",
        other_names=["plasmapheresis"],
        related_terms=["Neuromyelitis optica"],
    ),
    term(
        "Intravenous immunoglobulin G",
        "A prescription treatment made of concentrated antibodies taken from healthy donors. "
        "It is put into a vein or injected under the skin.",
        # The source: "IVIG is a solution of concentrated antibodies that have been extracted
        # from healthy donors", "infused into a vein or injected under the skin", and
        # "immune globulin intravenous (IGIV) products".
        other_names=["IVIG", "IGIV", "immune globulin intravenous"],
        related_terms=["Immunoglobulin G", "Intravenous"],
    ),
    term(
        "Neuromyelitis optica",
        "A condition related to MS.",
        related_terms=["Plasma exchange"],
    ),
)


# --- Patient tools ------------------------------------------------------------------------------
#
# The comparison table is built from the treatment pages above; the worksheets run in the
# patient's browser. Only their introductions (and the general questions) are written here.

COMPARISON = Content(
    slug="compare",
    title="Compare the treatments side by side",
    seo_title="MS relapse treatments compared side by side",
    search_description="FDA approval, how each treatment is given, how often, and side "
    "effects of MS relapse treatments, in one table.",
    fields={
        "intro": "<p>This table puts the facts from each treatment page side by side: FDA "
        "approval, how each treatment is given, how often, and its side effects. Choose the "
        "name of a treatment to read more about it.</p>"
        "<p>" + DECISION + "</p>",
    },
)

TREATMENT_HISTORY = Content(
    slug="my-relapse-treatment-history",
    title="My relapse treatment history",
    seo_title="My relapse treatment history: a worksheet to print",
    search_description="Write down each past relapse: the treatment you had, how it went, "
    "side effects and how you recovered. Print it for your care team.",
    fields={
        "intro": "<p>Your care team can plan for your next relapse when they know your "
        "treatment history. Write down each past relapse, the treatment you had, and how it "
        "affected you:</p>"
        "<ul><li>Did your symptoms go away?</li><li>Did you recover fully?</li>"
        "<li>Did you have any side effects?</li></ul>"
        "<p>A simple summary is enough. Print it and take it to your next visit.</p>",
    },
)

QUESTIONS_GUIDE = Content(
    slug="questions-to-ask",
    title="Questions to ask your healthcare provider",
    seo_title="Questions to ask about MS relapse treatment",
    search_description="Questions to take to your healthcare provider about treating an MS "
    "relapse. Choose the treatments you are talking about, then print them.",
    fields={
        "intro": "<p>These questions can help you talk with your healthcare provider about "
        "treating a relapse. Choose the treatments you are talking about. Then print the "
        "questions, take them with you, and write the answers down.</p>"
        "<p>" + DECISION + "</p>",
        "general_questions": questions(
            "Do I need treatment for this relapse?",
            "What are my treatment options?",
            "Which treatment may work best for me? Why?",
            "How soon should I start treatment?",
            "Should I keep taking my regular MS treatment during the relapse?",
            "Does my history with past relapse treatments change what you suggest this time?",
        ),
    },
)

TOOLS = (COMPARISON, TREATMENT_HISTORY, QUESTIONS_GUIDE)
