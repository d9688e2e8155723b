"""Site search: live, public treatments, side effects and glossary terms, with matching text.

Wagtail's database backend updates its index from post_save signals (run at once by the
default immediate task backend), so these tests never call update_index: a page is findable
the moment a factory saves or a revision is published.
"""

import pytest
from bs4 import BeautifulSoup

from tests.factories import (
    GlossaryTermPageFactory,
    SideEffectPageFactory,
    TreatmentPageFactory,
    make_private,
    save_draft,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def search(client):
    """Search as a patient would; returns the response and its parsed <main>."""

    def search(query=None, **params):
        if query is not None:
            params["query"] = query
        response = client.get("/search/", params)
        return response, BeautifulSoup(response.content, "html.parser").main

    return search


def found(main):
    """The (title, link) of each result."""
    return [(h3.a.get_text(), h3.a["href"]) for h3 in main.select("ol.search-results h3")]


def snippets(main):
    return [item.p for item in main.select("ol.search-results li")]


@pytest.fixture
def plasma_exchange(treatment_index):
    return TreatmentPageFactory(
        parent=treatment_index,
        title="Plasma exchange",
        summary="Your blood plasma is swapped for a substitute.",
        what_it_is="<p>A machine filters the blood. It is also called plasmapheresis.</p>",
    )


def test_treatments_side_effects_and_terms_are_found_by_their_words(
    search, plasma_exchange, side_effect_index, glossary_index
):
    headache = SideEffectPageFactory(
        parent=side_effect_index, title="Headache", description="<p>Pain from plasmapheresis.</p>"
    )
    term = GlossaryTermPageFactory(
        parent=glossary_index,
        title="plasma exchange",
        definition="Swapping blood plasma.",
        other_names=["plasmapheresis"],
    )

    response, main = search("plasmapheresis")

    assert response.status_code == 200
    assert sorted(found(main)) == sorted(
        [
            ("Plasma exchange", plasma_exchange.url),
            ("Headache", headache.url),
            ("plasma exchange", term.url),
        ]
    )
    assert "3 results for “plasmapheresis”" in main.h2.get_text()


def test_a_result_shows_its_matching_text_with_the_words_marked(search, plasma_exchange):
    _, main = search("filters")

    (snippet,) = snippets(main)
    assert "A machine filters the blood." in snippet.get_text()
    assert [mark.get_text() for mark in snippet.find_all("mark")] == ["filters"]


def test_the_snippet_starts_near_a_match_deep_in_the_text(search, treatment_index):
    filler = " ".join(["Some words before the match."] * 40)
    TreatmentPageFactory(
        parent=treatment_index, what_it_is=f"<p>{filler} The rare word is zygomatic.</p>"
    )

    _, main = search("zygomatic")

    (snippet,) = snippets(main)
    assert snippet.get_text().startswith("… ")
    assert snippet.mark.get_text() == "zygomatic"
    assert len(snippet.get_text()) < 300


def test_page_text_in_a_snippet_is_escaped(search, side_effect_index):
    SideEffectPageFactory(
        parent=side_effect_index,
        description="<p>Rash &lt;script&gt;alert(1)&lt;/script&gt; rarely.</p>",
    )

    response, main = search("rash")

    assert b"<script>alert(1)" not in response.content
    assert "<script>alert(1)</script>" in snippets(main)[0].get_text()


def test_other_pages_are_not_searched(search, home, treatment_index, glossary_index):
    treatment_index.intro = "<p>Unicorn words live on the index.</p>"
    treatment_index.save_revision().publish()

    _, main = search("unicorn")

    assert found(main) == []
    assert "No pages match “unicorn”" in main.get_text()


def test_a_published_page_is_found_at_once_and_its_new_words_when_published(
    search, plasma_exchange
):
    assert found(search("filters")[1]) == [("Plasma exchange", plasma_exchange.url)]

    plasma_exchange.summary = "Now it mentions apheresis."
    plasma_exchange.save_revision().publish()

    assert found(search("apheresis")[1]) == [("Plasma exchange", plasma_exchange.url)]


def test_words_only_in_an_unpublished_draft_are_never_found(search, plasma_exchange):
    save_draft(plasma_exchange, summary="Secretword in a draft.", title="Secretword title")

    assert found(search("secretword")[1]) == []
    assert found(search("filters")[1]) == [("Plasma exchange", plasma_exchange.url)]


def test_unpublished_and_never_published_pages_are_not_found(
    search, treatment_index, glossary_index
):
    TreatmentPageFactory(parent=treatment_index, summary="Hiddenword one.").unpublish()
    GlossaryTermPageFactory(parent=glossary_index, definition="Hiddenword two.", live=False)

    assert found(search("hiddenword")[1]) == []


def test_private_pages_are_not_found(search, plasma_exchange):
    make_private(plasma_exchange)

    assert found(search("filters")[1]) == []


def test_results_come_ten_to_a_page(search, side_effect_index):
    SideEffectPageFactory.create_batch(12, description="<p>Tiredness.</p>")

    _, first = search("tiredness")
    _, second = search("tiredness", page=2)

    assert len(found(first)) == 10
    assert len(found(second)) == 2
    assert "12 results" in second.h2.get_text()
    assert "Page 2 of 2" in second.find("nav", class_="pagination").get_text()
    assert not set(found(first)) & set(found(second))


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "<script>alert(1)</script>",
        "'; DROP TABLE wagtailcore_page; --",
        '" OR 1=1 --',
        "plasma & | ! ( ) :* <-> \\",
        '"unclosed quote',
        "AND OR NOT",
        "***",
        "Plasmaaustausch für Schübe — 血漿交換 🩸",
        "x" * 200,
    ],
)
def test_odd_queries_get_a_calm_answer(search, plasma_exchange, query):
    response, main = search(query)

    assert response.status_code == 200
    assert main.h1.get_text() == "Search"
    assert b"<script>alert(1)" not in response.content


def test_an_empty_query_shows_the_form_without_results(search, plasma_exchange):
    response, main = search("")

    assert response.status_code == 200
    assert main.find("input", attrs={"name": "query"}) is not None
    assert main.find("ol", class_="search-results") is None


def test_a_query_in_markup_is_shown_as_text(search, plasma_exchange):
    response, main = search("<b>plasma</b>")

    assert b"<b>plasma</b>" not in response.content
    assert "“<b>plasma</b>”" in main.h2.get_text()


def test_a_very_long_query_is_refused_with_a_message(search, plasma_exchange):
    response, main = search("plasma " * 1500)  # over 10 kB

    assert response.status_code == 200
    assert main.find(class_="form-error").get_text() == "Please use 200 characters or fewer."
    assert found(main) == []


@pytest.mark.parametrize(
    "query_string",
    [
        "query=plasma%00exchange",
        "query=%00",
        "query=%ED%A0%80plasma",  # a lone surrogate, as UTF-8 bytes
        "query=%FF%FE",
        "query=plasma&page=abc",
        "query=plasma&page=-1",
        "query=plasma&page=999999",
        "query=plasma&page=%00",
        "query=plasma&query=blood&query=%00",
        "page=2",
    ],
)
def test_malformed_parameters_get_a_calm_answer(client, plasma_exchange, query_string):
    response = client.get(f"/search/?{query_string}")

    assert response.status_code == 200


def test_a_nul_byte_is_refused_with_a_message(search, plasma_exchange):
    _, main = search("plasma\x00exchange")

    assert main.find(class_="form-error").get_text() == (
        "Your search has a character we cannot use."
    )


def test_a_page_number_out_of_range_shows_the_last_page(search, plasma_exchange):
    _, main = search("plasma", page="999999")

    assert found(main) == [("Plasma exchange", plasma_exchange.url)]


def test_thousands_of_repeated_parameters_are_refused(client):
    response = client.get("/search/?" + "&".join(["query=a"] * 3000))

    assert response.status_code == 400


def test_search_costs_the_same_for_2_or_10_results(queries_to_render, side_effect_index):
    SideEffectPageFactory.create_batch(2, description="<p>Dizziness.</p>")
    few = queries_to_render("/search/", query="dizziness")
    SideEffectPageFactory.create_batch(8, description="<p>Dizziness.</p>")

    assert queries_to_render("/search/", query="dizziness") == few


def test_a_plain_text_definition_is_shown_as_written(search, glossary_index):
    GlossaryTermPageFactory(
        parent=glossary_index, title="EDSS", definition="A score <10 & rising means <b>worse</b>."
    )

    _, main = search("score")

    assert snippets(main)[0].get_text() == "A score <10 & rising means <b>worse</b>."
