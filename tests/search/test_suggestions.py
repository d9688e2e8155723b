"""Suggestions as you type: names the site knows, from live, public pages, as JSON for the
search box's script (the box itself works without it)."""

import pytest

from tests.factories import GlossaryTermPageFactory, SideEffectPageFactory, TreatmentPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def suggest(client):
    def suggest(typed):
        response = client.get("/search/suggestions/", {"query": typed})
        assert response.status_code == 200
        assert response["Content-Type"] == "application/json"
        return response.json()["suggestions"]

    return suggest


@pytest.fixture
def names(treatment_index, side_effect_index, glossary_index):
    TreatmentPageFactory(title="IV and oral steroids")
    SideEffectPageFactory(title="Stomach or intestinal problems")
    SideEffectPageFactory(title="Masking (hiding) of other conditions or diseases")
    SideEffectPageFactory(title="Faster heart rate")
    GlossaryTermPageFactory(title="Corticosteroid", other_names=["steroid", "steroids"])


def test_names_that_start_with_the_letters_come_first_then_names_with_a_word_that_does(
    suggest, names
):
    assert suggest("ste") == ["steroid", "steroids", "IV and oral steroids"]


def test_a_word_inside_brackets_is_a_word_too(suggest, names):
    assert suggest("hid") == ["Masking (hiding) of other conditions or diseases"]


def test_from_the_fifth_letter_a_slip_of_the_finger_is_forgiven(suggest, names):
    assert "steroids" in suggest("sterio")
    assert "Faster heart rate" not in suggest("ster"), "not for a few letters found mid-word"


def test_nothing_is_suggested_for_one_letter_or_for_nothing_like_a_name(suggest, names):
    assert suggest("s") == []
    assert suggest("") == []
    assert suggest("zebra") == []


def test_at_most_six_names_are_suggested_each_once(suggest, side_effect_index):
    for number in range(10):
        SideEffectPageFactory(title=f"Headache {number}", search_names=["headache"])

    suggested = suggest("head")

    assert suggested[0] == "headache"
    assert len(suggested) == 6
    assert len(set(suggested)) == 6


def test_what_was_typed_is_only_ever_compared_never_run(suggest, names):
    for typed in [
        "st%",
        "st_",
        "(st",
        "st.*",
        "\\m",
        "'; DROP TABLE search_knownname; --",
        "\ufffd",
    ]:
        assert suggest(typed) == [], typed
    assert suggest("hid") != []


@pytest.mark.parametrize("query_string", ["query=" + "x" * 201, "query=st%00"])
def test_a_bad_query_gets_400_with_the_reason(client, names, query_string):
    response = client.get(f"/search/suggestions/?{query_string}")

    assert response.status_code == 400
    assert response.json()["errors"]["query"][0]["message"]


def test_suggestions_set_no_cookie(client, names):
    response = client.get("/search/suggestions/", {"query": "ste"})

    assert response.cookies == {}


def test_suggestions_cost_the_same_for_2_or_6_names(
    client, django_assert_num_queries, side_effect_index
):
    SideEffectPageFactory(title="Rash")
    SideEffectPageFactory(title="Rash or hives")
    client.get("/search/suggestions/", {"query": "ra"})  # warm per-process caches
    with django_assert_num_queries(2) as captured:  # view restrictions, then the names
        assert len(client.get("/search/suggestions/", {"query": "ra"}).json()["suggestions"]) == 2
    for number in range(6):
        SideEffectPageFactory(title=f"Rash {number}")

    with django_assert_num_queries(len(captured)):
        assert len(client.get("/search/suggestions/", {"query": "ra"}).json()["suggestions"]) == 6
