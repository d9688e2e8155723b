"""Citations survive editing, copying a page and comparing its revisions."""

import json

import pytest
from bs4 import BeautifulSoup
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, streamfield

from core.models import SECTION_FEATURES
from tests.factories import SourceFactory, TreatmentPageFactory, cite
from tests.review.admin_steps import edit_url, live_html, open_editor, save
from treatments.models import TreatmentPage

pytestmark = pytest.mark.django_db


def contentstate(html):
    return json.loads(ContentstateConverter(SECTION_FEATURES).from_database_format(html))


def test_the_editor_shows_a_citation_as_a_token_naming_its_source(treatment_index):
    source = SourceFactory(title="Relapse guideline")

    state = contentstate(f"<p>Steroids are approved.{cite(source)} More text.</p>")

    [block] = state["blocks"]
    assert block["text"] == "Steroids are approved.[source] More text."
    [entity_range] = block["entityRanges"]
    assert (entity_range["offset"], entity_range["length"]) == (22, len("[source]"))
    entity = state["entityMap"][str(entity_range["key"])]
    assert entity["type"] == "CITATION"
    assert entity["mutability"] == "IMMUTABLE"
    assert entity["data"] == {"id": source.pk, "title": "Relapse guideline"}


def test_a_citation_goes_back_to_the_database_as_it_came(treatment_index):
    source = SourceFactory()
    html = f"<p>One.{cite(source)}</p><ul><li>Two.{cite(source, source)}</li></ul>"
    converter = ContentstateConverter(SECTION_FEATURES)

    again = converter.to_database_format(converter.from_database_format(html))

    assert again.count(f'<embed embedtype="citation" id="{source.pk}"/>') == 3
    assert BeautifulSoup(again, "html.parser").get_text() == "One.Two."


def test_a_citation_without_a_source_is_dropped_not_an_error(client, writer, treatment):
    client.force_login(writer)
    _, data = open_editor(client, treatment)
    bad = {
        "blocks": [
            {
                "key": "a1b2c",
                "type": "unstyled",
                "depth": 0,
                "text": "A statement.[source]",
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 12, "length": 8, "key": 0}],
            }
        ],
        "entityMap": {"0": {"type": "CITATION", "mutability": "IMMUTABLE", "data": {"id": "x"}}},
    }
    data = data.copy()
    data["what_it_is"] = json.dumps(bad)
    response = client.post(edit_url(treatment), data)

    assert response.status_code == 302
    saved = TreatmentPage.objects.get(pk=treatment.pk).get_latest_revision().content
    assert "A statement." in saved["what_it_is"]
    assert "embed" not in saved["what_it_is"]


def test_citations_survive_saving_in_the_editor(client, writer, treatment_index):
    source = SourceFactory(title="Relapse guideline")
    page = TreatmentPageFactory(what_it_is=f"<p>A statement.{cite(source)}</p>")
    page.save_revision().publish()

    client.force_login(writer)
    _, data = open_editor(client, page)
    save(client, page, data, summary="A new summary.")

    draft = TreatmentPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert draft.summary == "A new summary."
    assert cite(source) in draft.what_it_is


def test_sources_of_a_fact_survive_saving_in_the_editor(client, writer, treatment_index):
    source = SourceFactory(title="Product label")
    page = TreatmentPageFactory()
    page.save_revision().publish()

    client.force_login(writer)
    _, data = open_editor(client, page)
    data.update(
        nested_form_data({"regulatory_status_sources": streamfield([("source", source.pk)])})
    )
    save(client, page, data)
    page.refresh_from_db()
    page.get_latest_revision().publish()

    assert "Source 1: Product label" in live_html(page)


def test_a_copy_of_a_page_cites_the_same_sources(client, site_admin, treatment_index):
    source = SourceFactory(title="Relapse guideline")
    page = TreatmentPageFactory(
        title="IVIG", slug="ivig", what_it_is=f"<p>A statement.{cite(source)}</p>"
    )
    page.save_revision().publish()

    client.force_login(site_admin)
    response = client.post(
        f"/admin/pages/{page.pk}/copy/",
        {
            "new_title": "IVIG (copy)",
            "new_slug": "ivig-copy",
            "new_parent_page": str(treatment_index.pk),
            "publish_copies": "on",
        },
    )
    assert response.status_code == 302

    copy = Page.objects.get(slug="ivig-copy")
    assert "Source 1: Relapse guideline" in live_html(copy)


def test_a_revision_comparison_shows_citations_added_and_removed(client, reviewer, treatment_index):
    old, new = SourceFactory(title="Old guideline"), SourceFactory(title="New guideline")
    page = TreatmentPageFactory(what_it_is=f"<p>A statement.{cite(old)}</p>")
    first = page.save_revision()
    first.publish()
    page.what_it_is = f"<p>A statement.{cite(new)}</p>"
    second = page.save_revision()

    client.force_login(reviewer)
    response = client.get(f"/admin/pages/{page.pk}/revisions/compare/{first.pk}...{second.pk}/")

    soup = BeautifulSoup(response.content, "html.parser")
    assert [removed.get_text() for removed in soup.select(".deletion")] == ["Old"]
    assert [added.get_text() for added in soup.select(".addition")] == ["New"]
    # Read as: "A statement. [source: Old New guideline]", the old title struck out.
    assert "A statement. [source: OldNew guideline]" in " ".join(soup.get_text().split())
