"""Search forgives misspellings: a word the site does not know is read as the nearest one it does.

The words the site knows are the names of live, public pages: titles, glossary terms' other
names and the other names writers give a page ("search_names"). A draft's words are never
found, suggested or offered.
"""

import json

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from search.models import KnownName
from tests.factories import (
    GlossaryTermPageFactory,
    SideEffectPageFactory,
    TreatmentPageFactory,
    TreatmentSideEffectFactory,
    make_private,
    save_draft,
)
from tests.search.test_search import found

pytestmark = pytest.mark.django_db

KIDNEY_WARNING = {
    "heading": "Risk of kidney problems",
    "body": "<p>IVIG can harm the kidneys.</p>",
    "most_at_risk": ["People who already have kidney problems"],
    "advice": "",
}


@pytest.fixture
def search(client):
    def search(query, **params):
        response = client.get("/search/", {"query": query, **params})
        assert response.status_code == 200
        return BeautifulSoup(response.content, "html.parser").main

    return search


def titles(main):
    return [title for title, _ in found(main)]


@pytest.fixture
def portal(treatment_index, side_effect_index, glossary_index):
    """Pages named as the portal names them, with a few pages that merely mention the words."""
    steroids = TreatmentPageFactory(
        title="IV and oral steroids",
        summary="Steroids are given into a vein or by mouth.",
        what_it_is="<p>They are also called corticosteroids.</p>",
    )
    plasma_exchange = TreatmentPageFactory(
        title="Plasma exchange",
        summary="Blood plasma is removed and replaced.",
        what_it_is="<p>It is also called plasmapheresis.</p>",
        search_names=["plasmapheresis"],
    )
    ivig = TreatmentPageFactory(
        title="IVIG (intravenous immunoglobulin G)",
        summary="IVIG is sometimes used when steroids do not help.",
        safety_warnings=json.dumps([{"type": "warning", "value": KIDNEY_WARNING}]),
    )
    kidney = SideEffectPageFactory(title="Decreased kidney function or kidney failure")
    TreatmentSideEffectFactory(treatment=ivig, side_effect=kidney)
    GlossaryTermPageFactory(
        title="Corticosteroid",
        definition="A hormone that lessens inflammation.",
        other_names=["corticosteroids", "steroid", "steroids"],
    )
    GlossaryTermPageFactory(
        title="Intravenous immunoglobulin G",
        definition="A treatment made of antibodies.",
        other_names=["IVIG"],
    )
    return {
        "steroids": steroids,
        "plasma exchange": plasma_exchange,
        "ivig": ivig,
        "kidney": kidney,
    }


@pytest.mark.parametrize(
    ("typed", "first", "also"),
    [
        ("steriods", "IV and oral steroids", {"IVIG (intravenous immunoglobulin G)"}),
        ("plasmaferesis", "Plasma exchange", set()),
        ("IVIg", "IVIG (intravenous immunoglobulin G)", {"Intravenous immunoglobulin G"}),
        (
            "kidny",
            "Decreased kidney function or kidney failure",
            {"IVIG (intravenous immunoglobulin G)"},
        ),
    ],
)
def test_a_misspelt_word_finds_the_page_it_means_first(search, portal, typed, first, also):
    main = search(typed)

    assert titles(main)[0] == first
    assert also <= set(titles(main))


def test_the_reader_is_told_what_was_searched_for_instead(search, portal):
    main = search("steriods")

    assert " ".join(main.find(class_="search-correction").get_text().split()) == (
        "No pages match “steriods”, so these are the results for “steroids”."
    )
    assert main.h2.get_text().endswith("for “steroids”")
    assert [mark.get_text().casefold() for mark in main.select("ol.search-results mark")][:1] == [
        "steroids"
    ]


def test_a_query_spelt_right_is_not_corrected(search, portal):
    main = search("steroids")

    assert main.find(class_="search-correction") is None
    assert titles(main)[0] == "IV and oral steroids"


def test_only_the_misspelt_word_of_a_longer_query_is_corrected(search, portal):
    main = search("plasma exchnge")

    assert "results for “plasma exchange”" in main.find(class_="search-correction").get_text()
    assert titles(main)[0] == "Plasma exchange"


def test_a_brand_name_a_writer_adds_is_found_even_misspelt(search, portal):
    steroids = portal["steroids"]
    assert titles(search("solumedrol")) == []

    steroids.search_names = ["Solu-Medrol"]
    steroids.save_revision().publish()

    assert titles(search("Solu-Medrol")) == ["IV and oral steroids"]
    assert titles(search("solumedrol")) == ["IV and oral steroids"]
    assert "Also called: Solu-Medrol" in search("solumedrol").get_text()


def test_when_nothing_matches_did_you_mean_offers_the_nearest_known_words(search, portal):
    main = search("steroids kidney stones")

    assert titles(main) == []
    offers = main.find(class_="did-you-mean").find_all("a")
    offered = [link.get_text() for link in offers]
    assert {"steroids", "kidney"} <= set(offered)
    for link in offers:  # each offer is a search that finds pages
        assert titles(search(link.get_text())), link.get_text()
        assert link["href"].startswith("/search/?query=")


def test_a_word_like_nothing_the_site_knows_gets_the_usual_advice(search, portal):
    main = search("zebra")

    assert main.find(class_="did-you-mean") is None
    assert "Try a different or shorter word" in main.get_text()


def test_words_only_in_a_draft_are_never_found_corrected_or_offered(search, client, portal):
    steroids = portal["steroids"]
    save_draft(steroids, title="Zygomycetes treatment", search_names=["Zygomycetes"])

    assert titles(search("zygomycetes")) == []
    assert titles(search("zygomycetez")) == []
    assert search("zygomycetez").find(class_="did-you-mean") is None
    assert client.get("/search/suggestions/", {"query": "zygo"}).json()["suggestions"] == []
    # The live version is still found by its live names.
    assert titles(search("steriods"))[0] == "IV and oral steroids"


def test_names_of_unpublished_and_private_pages_are_never_offered(search, client, portal):
    portal["plasma exchange"].unpublish()
    make_private(portal["kidney"])

    assert "Plasma exchange" not in titles(search("plasmaferesis"))
    assert titles(search("kidny")) == []
    suggested = client.get("/search/suggestions/", {"query": "pla"}).json()["suggestions"]
    assert suggested == []
    assert client.get("/search/suggestions/", {"query": "kid"}).json()["suggestions"] == []


def test_a_page_is_known_by_its_new_title_once_published_and_no_longer_by_its_old(client, portal):
    kidney = portal["kidney"]
    kidney.title = "Kidney failure"
    kidney.save_revision().publish()

    suggested = client.get("/search/suggestions/", {"query": "kidney"}).json()["suggestions"]
    assert suggested == ["Kidney failure"]


def test_rebuilding_the_search_index_rebuilds_the_known_names(client, portal):
    KnownName.objects.all().delete()
    assert client.get("/search/suggestions/", {"query": "plas"}).json()["suggestions"] == []

    call_command("update_index", verbosity=0)

    suggested = client.get("/search/suggestions/", {"query": "plas"}).json()["suggestions"]
    assert sorted(suggested) == ["Plasma exchange", "plasmapheresis"]


def test_a_corrected_search_costs_the_same_for_2_or_10_results(
    queries_to_render, search, side_effect_index
):
    def dizziness(count):
        for _ in range(count):
            SideEffectPageFactory(description="<p>Dizziness.</p>", search_names=["dizziness"])

    dizziness(2)
    few = queries_to_render("/search/", query="dizzyness")
    dizziness(8)

    assert queries_to_render("/search/", query="dizzyness") == few
    assert "10 results for “dizziness”" in search("dizzyness").h2.get_text()


def test_did_you_mean_costs_the_same_however_many_words_are_known(
    queries_to_render, side_effect_index
):
    SideEffectPageFactory(title="Dizziness")
    few = queries_to_render("/search/", query="dizziness zebra")
    SideEffectPageFactory.create_batch(10)

    assert queries_to_render("/search/", query="dizziness zebra") == few
