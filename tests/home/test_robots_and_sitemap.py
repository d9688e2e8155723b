"""Search engines are told what to index (robots.txt) and where every public page is (sitemap)."""

from xml.etree import ElementTree

import pytest

from tests.factories import TreatmentPageFactory, make_private, save_draft

pytestmark = pytest.mark.django_db

LOC = "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"


def sitemap_locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    sitemap = ElementTree.fromstring(response.content)  # noqa: S314 - our own sitemap
    return [loc.text for loc in sitemap.iter(LOC)]


def test_robots_txt_allows_the_site_but_not_the_admin_or_search_results(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert response.content.decode().splitlines() == [
        "User-agent: *",
        "Allow: /",
        "Disallow: /admin/",
        "Disallow: /search/",
        "",
        "Sitemap: http://testserver/sitemap.xml",
    ]


def test_the_sitemap_lists_the_live_pages(client, home, treatment_index):
    treatment = TreatmentPageFactory(parent=treatment_index)

    assert sitemap_locations(client) == [
        home.full_url,
        treatment_index.full_url,
        treatment.full_url,
    ]


def test_a_live_page_with_unpublished_changes_is_listed_once(client, treatment_index):
    treatment = TreatmentPageFactory(parent=treatment_index)
    save_draft(treatment, title="A new title, not yet reviewed")

    assert sitemap_locations(client).count(treatment.full_url) == 1


def test_the_sitemap_never_lists_drafts_or_unpublished_pages(client, treatment_index):
    draft = TreatmentPageFactory(parent=treatment_index, live=False)
    withdrawn = TreatmentPageFactory(parent=treatment_index)
    withdrawn.unpublish()

    locations = sitemap_locations(client)

    assert draft.full_url not in locations
    assert withdrawn.full_url not in locations
    assert treatment_index.full_url in locations


def test_the_sitemap_never_lists_private_pages_or_what_is_under_them(client, treatment_index):
    treatment = TreatmentPageFactory(parent=treatment_index)
    make_private(treatment_index)

    locations = sitemap_locations(client)

    assert treatment_index.full_url not in locations
    assert treatment.full_url not in locations
