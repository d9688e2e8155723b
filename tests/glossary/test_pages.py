"""Glossary pages, and glossary terms explained where they are used on real pages."""

import pytest

from tests.factories import (
    GlossaryTermPageFactory,
    SideEffectPageFactory,
    TreatmentPageFactory,
    make_private,
    safety_warning,
)

pytestmark = pytest.mark.django_db


def marks(main):
    """The (text as written, link, definition) of each term explained on the page, in order."""
    return [
        (
            mark.a.get_text(),
            mark.a["href"],
            mark.find(class_="glossary-term__definition").get_text(),
        )
        for mark in main.select("span.glossary-term")
    ]


@pytest.fixture
def corticosteroid(glossary_index):
    return GlossaryTermPageFactory(
        parent=glossary_index,
        title="corticosteroid",
        definition="A medicine that calms swelling.",
        other_names=["steroid", "steroids"],
    )


def test_a_term_page_shows_its_definition_other_names_and_related_terms(
    read_page, corticosteroid, glossary_index
):
    relapse = GlossaryTermPageFactory(parent=glossary_index, title="relapse")
    withdrawn = GlossaryTermPageFactory(parent=glossary_index, title="withdrawn term")
    corticosteroid.related_terms.set([relapse, withdrawn])
    corticosteroid.save()
    withdrawn.unpublish()

    main = read_page(corticosteroid)

    assert main.h1.get_text() == "corticosteroid"
    assert main.find(class_="lead").get_text() == "A medicine that calms swelling."
    other_names = main.find("h2", string="Other names").find_next_sibling("ul")
    assert [item.get_text() for item in other_names.find_all("li")] == ["steroid", "steroids"]
    related = main.find("h2", string="Related terms").find_next_sibling("ul")
    assert [(a.get_text(), a["href"]) for a in related.find_all("a")] == [("relapse", relapse.url)]


def test_a_term_without_other_names_or_related_terms_leaves_those_out(read_page, glossary_index):
    term = GlossaryTermPageFactory(parent=glossary_index, title="relapse")

    assert read_page(term).find_all("h2") == []


def test_the_glossary_index_groups_live_terms_a_to_z(read_page, glossary_index):
    for title in ("relapse", "IVIG", "Corticosteroid", "adrenal gland", "immune system"):
        GlossaryTermPageFactory(parent=glossary_index, title=title, definition=f"About {title}.")
    GlossaryTermPageFactory(parent=glossary_index, title="Zzz unpublished").unpublish()

    main = read_page(glossary_index)

    letters = main.find("nav", attrs={"aria-label": "Letters"})
    assert [(a.get_text(), a["href"]) for a in letters.find_all("a")] == [
        ("A", "#letter-A"),
        ("C", "#letter-C"),
        ("I", "#letter-I"),
        ("R", "#letter-R"),
    ]
    groups = {
        section.h2.get_text(): [dt.get_text() for dt in section.find_all("dt")]
        for section in main.find_all("section")
    }
    assert groups == {
        "A": ["adrenal gland"],
        "C": ["Corticosteroid"],
        "I": ["immune system", "IVIG"],
        "R": ["relapse"],
    }
    assert main.find("dt", string="relapse").find_next_sibling("dd").get_text() == "About relapse."


def test_the_first_use_of_a_term_on_a_page_explains_it(read_page, treatment_index, corticosteroid):
    treatment = TreatmentPageFactory(
        parent=treatment_index,
        what_it_is="<p>A corticosteroid is a strong medicine.</p>",
        how_it_works="<p>The corticosteroid calms the immune system.</p>",
    )

    main = read_page(treatment)

    assert marks(main) == [
        ("corticosteroid", corticosteroid.url, "A medicine that calms swelling.")
    ]
    what_it_is = main.find("h2", string="What it is").find_parent("section")
    assert what_it_is.select_one("span.glossary-term") is not None


def test_other_names_of_a_term_are_explained_too(read_page, treatment_index, corticosteroid):
    treatment = TreatmentPageFactory(
        parent=treatment_index, what_it_is="<p>Steroids are given by mouth or into a vein.</p>"
    )

    assert marks(read_page(treatment)) == [
        ("Steroids", corticosteroid.url, "A medicine that calms swelling.")
    ]


def test_terms_in_headings_and_links_are_left_alone(read_page, treatment_index, corticosteroid):
    treatment = TreatmentPageFactory(
        parent=treatment_index,
        safety_warnings=[safety_warning("Steroid risks", "<p>Read this first.</p>")],
        what_it_is='<p>See <a href="https://example.org/">steroid facts</a>.</p>',
        how_it_works="<p>A steroid calms swelling.</p>",
    )

    main = read_page(treatment)

    warning_heading = main.find("section", class_="safety-warning").h2
    assert warning_heading.get_text(" ", strip=True) == "Warning: Steroid risks"
    assert marks(warning_heading) == []
    assert main.find("a", href="https://example.org/").get_text() == "steroid facts"
    how_it_works = main.find("h2", string="How it works").find_parent("section")
    assert [text for text, _, _ in marks(how_it_works)] == ["steroid"]
    assert len(marks(main)) == 1


def test_a_term_page_does_not_explain_itself(read_page, glossary_index, corticosteroid):
    GlossaryTermPageFactory(
        parent=glossary_index, title="swelling", definition="Puffiness of the body."
    )

    # Its definition mentions "swelling", which is explained; "corticosteroid" is its own name.
    corticosteroid.definition = "A corticosteroid is a medicine that calms swelling."
    corticosteroid.save_revision().publish()

    main = read_page(corticosteroid)

    assert [text for text, _, _ in marks(main)] == ["swelling"]


def test_unpublished_and_private_terms_are_never_explained(
    read_page, treatment_index, glossary_index
):
    GlossaryTermPageFactory(parent=glossary_index, title="plasmapheresis").unpublish()
    make_private(GlossaryTermPageFactory(parent=glossary_index, title="apheresis"))
    treatment = TreatmentPageFactory(
        parent=treatment_index, what_it_is="<p>Plasmapheresis is a kind of apheresis.</p>"
    )

    assert marks(read_page(treatment)) == []


def test_script_in_a_definition_is_shown_as_text(client, treatment_index, glossary_index):
    GlossaryTermPageFactory(
        parent=glossary_index,
        title="relapse",
        definition='<script>alert("x")</script> New or worse symptoms.',
    )
    treatment = TreatmentPageFactory(parent=treatment_index, what_it_is="<p>After a relapse.</p>")

    html = client.get(treatment.url).content.decode()

    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; New or worse symptoms." in html


def test_terms_are_explained_on_every_page_type_with_body_text(
    read_page, home, treatment_index, side_effect_index, glossary_index, corticosteroid
):
    home.intro = "<p>Steroids can help.</p>"
    home.save_revision().publish()
    treatment_index.intro = "<p>Steroids are the usual first choice.</p>"
    treatment_index.save_revision().publish()
    side_effect = SideEffectPageFactory(
        parent=side_effect_index, description="<p>Steroids can cause it.</p>"
    )

    for page in (home, treatment_index, side_effect):
        assert [href for _, href, _ in marks(read_page(page))] == [corticosteroid.url], page


def test_with_hundreds_of_terms_each_is_explained_correctly(
    read_page, treatment_index, glossary_index, corticosteroid, without_search_indexing
):
    for number in range(300):
        GlossaryTermPageFactory(
            parent=glossary_index, title=f"marker {number}", definition=f"Marker {number}."
        )
    immune_response = GlossaryTermPageFactory(
        parent=glossary_index, title="immune response", definition="How the body reacts."
    )
    GlossaryTermPageFactory(parent=glossary_index, title="response", definition="A reaction.")
    treatment = TreatmentPageFactory(
        parent=treatment_index,
        what_it_is="<p>Marker 15 and marker 150 and steroids calm the immune response.</p>",
        how_it_works="<p>Marker 15 again, and marker 1500 is no term.</p>",
    )

    main = read_page(treatment)

    assert [(text, href) for text, href, _ in marks(main)] == [
        ("Marker 15", f"{glossary_index.url}marker-15/"),
        ("marker 150", f"{glossary_index.url}marker-150/"),
        ("steroids", corticosteroid.url),
        ("immune response", immune_response.url),
    ]
