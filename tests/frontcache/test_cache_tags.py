"""Every page response names, in its cache tags, everything it shows; what is the same for
every reader comes from Django's cache and is dropped when something is published."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    GlossaryTermPageFactory,
    SideEffectPageFactory,
    TreatmentComparisonPageFactory,
    TreatmentPageFactory,
    TreatmentSideEffectFactory,
    member_of,
)

pytestmark = pytest.mark.django_db


def tags(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200
    return set(response["xkey"].split())


@pytest.fixture
def ivig(treatment_index, side_effect_index, glossary_index):
    treatment = TreatmentPageFactory(title="IVIG", what_it_is="<p>Used after a relapse.</p>")
    TreatmentSideEffectFactory(treatment=treatment, side_effect=SideEffectPageFactory())
    return treatment


def test_a_treatment_page_is_tagged_with_itself_its_side_effects_terms_and_place(
    client, ivig, treatment_index, glossary_index
):
    side_effect = ivig.side_effect_links.get().side_effect
    relapse = GlossaryTermPageFactory(title="relapse")
    unused = GlossaryTermPageFactory(title="plasma")

    tagged = tags(client, ivig.url)

    assert {f"page-{ivig.pk}", f"page-{side_effect.pk}", f"page-{relapse.pk}"} <= tagged
    assert f"page-{unused.pk}" not in tagged  # not on the page, not in its tags
    # Its breadcrumbs and address: under the treatment index, itself.
    assert {f"tree-{treatment_index.path}", f"tree-{ivig.path}"} <= tagged
    assert {"glossary", "menu", "site"} <= tagged


def test_a_side_effect_page_is_tagged_with_each_treatment_that_lists_it(client, ivig):
    side_effect = ivig.side_effect_links.get().side_effect
    other = TreatmentPageFactory()
    TreatmentSideEffectFactory(treatment=other, side_effect=side_effect)

    assert {f"page-{ivig.pk}", f"page-{other.pk}"} <= tags(client, side_effect.url)


def test_an_index_is_tagged_as_the_list_of_its_children(client, ivig, treatment_index):
    assert {f"children-{treatment_index.pk}", f"page-{ivig.pk}"} <= tags(
        client, treatment_index.url
    )


def test_the_comparison_is_tagged_with_every_treatment_and_side_effect(client, ivig):
    comparison = TreatmentComparisonPageFactory()
    side_effect = ivig.side_effect_links.get().side_effect

    tagged = tags(client, comparison.url)

    assert {"all-treatments.treatmentpage", f"page-{ivig.pk}", f"page-{side_effect.pk}"} <= tagged


def test_search_results_are_tagged_as_search_with_each_page_found(client, ivig):
    tagged = tags(client, "/search/", query="IVIG")

    assert {"search", f"page-{ivig.pk}"} <= tagged


def test_a_page_shown_to_a_logged_in_editor_says_no_shared_cache_may_keep_it(client, ivig):
    client.force_login(member_of(username="wendy"))

    assert "private" in client.get(ivig.url)["Cache-Control"]


def test_a_patients_page_does_not_forbid_the_front_cache(client, ivig):
    assert not client.get(ivig.url).has_header("Cache-Control")


def test_the_menu_and_glossary_terms_come_from_the_cache_after_the_first_view(client, ivig):
    GlossaryTermPageFactory(title="relapse")
    client.get(ivig.url)

    with CaptureQueriesContext(connection) as queries:
        client.get(ivig.url)

    tables = " ".join(query["sql"].split(" WHERE ")[0] for query in queries.captured_queries)
    conditions = " ".join(
        query["sql"].partition(" WHERE ")[2] for query in queries.captured_queries
    )
    assert "glossary_glossarytermpage" not in tables
    assert "show_in_menus" not in conditions  # the menu's query


def test_a_published_definition_and_menu_title_replace_the_cached_ones(client, ivig, home):
    relapse = GlossaryTermPageFactory(title="relapse", definition="New or worse symptoms.")
    menu_page = ivig.get_parent().specific
    menu_page.show_in_menus = True
    menu_page.save_revision().publish()
    assert "New or worse symptoms." in client.get(ivig.url).text

    relapse.definition = "An attack of new or worse MS symptoms."
    relapse.save_revision().publish()
    menu_page.title = "Relapse treatments"
    menu_page.save_revision().publish()

    page = client.get(ivig.url).text
    assert "An attack of new or worse MS symptoms." in page
    assert '<nav class="site-nav"' in page and "Relapse treatments</a>" in page
