"""Patients see numbered citation links, named for their source, and the sources in full."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup

from sources.models import SourceKind
from tests.factories import (
    SourceFactory,
    TreatmentPageFactory,
    TreatmentSideEffectFactory,
    cite,
    safety_warning,
    sources_value,
)

pytestmark = pytest.mark.django_db


def seen(link) -> str:
    """The text of a link that shows on screen (not the part only screen readers get)."""
    return "".join(
        text
        for text in link.find_all(string=True)
        if not text.find_parent(class_="visually-hidden")
    )


def heard(link) -> str:
    """The text a screen reader reads for a link (not the parts hidden from it)."""
    return "".join(
        text
        for text in link.find_all(string=True)
        if not text.find_parent(attrs={"aria-hidden": "true"})
    )


def cited(element) -> list[str]:
    return [heard(link) for link in element.select("a.citation")]


def sources_list(main):
    return [" ".join(item.get_text().split()) for item in main.select(".sources__list > li")]


def test_citations_are_numbered_in_reading_order_and_named_for_their_source(
    treatment_index, read_page
):
    guideline = SourceFactory(title="Relapse guideline")
    label = SourceFactory(title="Product label", kind=SourceKind.REGULATOR)
    page = TreatmentPageFactory(
        what_it_is=f"<p>First statement.{cite(label)} Second.{cite(guideline, label)}</p>",
        how_it_works=f"<p>Third.{cite(guideline)}</p>",
    )

    main = read_page(page)

    links = main.select("a.citation")
    # The eye sees a number in brackets; a screen reader reads the source's number and title.
    assert [seen(link) for link in links] == ["[1]", "[2]", "[1]", "[2]"]
    assert [heard(link) for link in links] == [
        "Source 1: Product label",
        "Source 2: Relapse guideline",
        "Source 1: Product label",
        "Source 2: Relapse guideline",
    ]
    assert [link["href"] for link in links] == ["#source-1", "#source-2", "#source-1", "#source-2"]
    assert main.select_one("#source-1").get_text(" ", strip=True).startswith("Product label")
    assert main.select_one("#source-2").get_text(" ", strip=True).startswith("Relapse guideline")


def test_the_sources_section_gives_each_source_in_full(treatment_index, read_page):
    source = SourceFactory(
        title="Acute relapse treatment",
        authors="A neurology society",
        kind=SourceKind.GUIDELINE,
        date_published=datetime.date(2021, 3, 4),
        url="https://guidelines.example.org/relapse",
        doi="10.1000/relapse.2021",
    )
    page = TreatmentPageFactory(what_it_is=f"<p>A statement.{cite(source)}</p>")

    main = read_page(page)

    section = main.select_one("section[aria-labelledby=sources-heading]")
    assert section.h2.get_text() == "Sources"
    [entry] = sources_list(main)
    assert entry == (
        "Acute relapse treatment A neurology society. Clinical guideline, published "
        "March 4, 2021. DOI: 10.1000/relapse.2021"
    )
    item = section.select_one("li#source-1")
    assert item.select_one(".sources__title a")["href"] == "https://guidelines.example.org/relapse"
    assert item.select_one(".sources__details a")["href"] == "https://doi.org/10.1000/relapse.2021"
    assert item.time["datetime"] == "2021-03-04"


def test_a_source_without_a_web_address_is_named_without_a_link(treatment_index, read_page):
    source = SourceFactory(title="A textbook of neurology", kind=SourceKind.TEXTBOOK)
    main = read_page(TreatmentPageFactory(what_it_is=f"<p>A statement.{cite(source)}</p>"))

    title = main.select_one("#source-1 .sources__title")
    assert title.cite.get_text() == "A textbook of neurology"
    assert title.a is None


def test_a_citation_of_an_unpublished_or_deleted_source_renders_as_nothing(
    treatment_index, read_page
):
    draft = SourceFactory(title="Draft source", live=False)
    deleted = SourceFactory(title="Deleted source")
    live = SourceFactory(title="Live source")
    page = TreatmentPageFactory(
        what_it_is=f"<p>One.{cite(draft)} Two.{cite(deleted)} Three.{cite(live)}</p>"
    )
    deleted.delete()

    main = read_page(page)

    paragraph = main.select_one("#what-heading").find_next("p")
    assert seen(paragraph) == "One. Two. Three.[1]"
    assert cited(paragraph) == ["Source 1: Live source"]
    assert sources_list(main) == ["Live source A guideline panel. Clinical guideline."]
    assert "Draft source" not in main.get_text()


def test_a_page_citing_only_unpublished_sources_has_no_sources_section(treatment_index, read_page):
    draft = SourceFactory(live=False)
    main = read_page(TreatmentPageFactory(what_it_is=f"<p>One.{cite(draft)}</p>"))
    assert main.select("a.citation") == []
    assert main.select_one("#sources-heading") is None


def test_structured_facts_carry_their_own_sources(treatment_index, side_effect_index, read_page):
    label, review, guideline = (
        SourceFactory(title="Product label"),
        SourceFactory(title="Systematic review"),
        SourceFactory(title="Guideline"),
    )
    page = TreatmentPageFactory(
        regulatory_status_sources=sources_value(label),
        safety_warnings=json.dumps(
            [
                safety_warning(
                    "Risk of kidney problems", "<p>It can harm the kidneys.</p>", sources=[review]
                )
            ]
        ),
    )
    TreatmentSideEffectFactory(treatment=page, sources=sources_value(guideline, label))

    main = read_page(page)

    warning = main.select_one(".safety-warning")
    assert cited(warning) == ["Source 1: Systematic review"]
    status = main.select_one("p.status")
    assert cited(status) == ["Source 2: Product label"]
    side_effect = main.select_one(".side-effects li")
    assert cited(side_effect) == ["Source 3: Guideline", "Source 2: Product label"]


def test_a_page_without_citations_has_no_sources_section(treatment_index, read_page):
    main = read_page(TreatmentPageFactory())
    assert main.select_one("#sources-heading") is None


def test_a_page_with_50_citations_and_50_sources_costs_no_more_queries_than_with_1(
    treatment_index, side_effect_index, queries_to_render, read_page
):
    one = SourceFactory()
    fifty = SourceFactory.create_batch(50)
    few = TreatmentPageFactory(
        what_it_is=f"<p>A statement.{cite(one)}</p>",
        regulatory_status_sources=sources_value(one),
        safety_warnings=json.dumps(
            [safety_warning("Risk", f"<p>Risk.{cite(one)}</p>", sources=[one])]
        ),
    )
    TreatmentSideEffectFactory(treatment=few, sources=sources_value(one))
    many = TreatmentPageFactory(
        what_it_is="".join(
            f"<p>Statement {n}.{cite(source)}</p>" for n, source in enumerate(fifty)
        ),
        regulatory_status_sources=sources_value(*fifty[:10]),
        safety_warnings=json.dumps(
            [
                safety_warning(f"Risk {n}", f"<p>Risk.{cite(s)}</p>", sources=[s])
                for n, s in enumerate(fifty[:5])
            ]
        ),
    )
    for source in fifty[:10]:
        TreatmentSideEffectFactory(treatment=many, sources=sources_value(source))

    assert queries_to_render(many) <= queries_to_render(few)
    main = read_page(many)
    assert len(main.select(".sources__list > li")) == 50
    assert len(main.select("a.citation")) == 50 + 10 + 5 + 5 + 10


def schema_data(client, page) -> dict:
    html = BeautifulSoup(client.get(page.url).content, "html.parser")
    return json.loads(html.find("script", type="application/ld+json").string)


def test_search_engines_are_told_which_live_sources_a_page_cites(client, treatment_index):
    guideline = SourceFactory(
        title="Acute relapse treatment",
        authors="A neurology society",
        date_published=datetime.date(2021, 3, 4),
        url="https://guidelines.example.org/relapse",
        doi="10.1000/relapse.2021",
    )
    label = SourceFactory(title="A product label", authors="A drug regulator")
    draft = SourceFactory(title="Not approved yet", live=False)
    page = TreatmentPageFactory(
        what_it_is=f"<p>One.{cite(guideline, draft)}</p>",
        regulatory_status_sources=sources_value(label),
    )

    assert schema_data(client, page)["citation"] == [
        {
            "@type": "CreativeWork",
            "name": "A product label",
            "author": {"@type": "Organization", "name": "A drug regulator"},
        },
        {
            "@type": "CreativeWork",
            "name": "Acute relapse treatment",
            "author": {"@type": "Organization", "name": "A neurology society"},
            "datePublished": "2021-03-04",
            "url": "https://guidelines.example.org/relapse",
            "sameAs": "https://doi.org/10.1000/relapse.2021",
        },
    ]


def test_a_page_citing_nothing_claims_no_citation(client, treatment_index):
    assert "citation" not in schema_data(client, TreatmentPageFactory())
