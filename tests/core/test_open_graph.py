"""Every page has a canonical address and Open Graph tags, so shared links show it properly."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Site

from tests.factories import TreatmentPageFactory

pytestmark = pytest.mark.django_db


def head_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").head


def open_graph(head):
    return {
        meta["property"]: meta["content"]
        for meta in head.find_all("meta", property=lambda name: name and name.startswith("og:"))
    }


def test_a_page_has_its_canonical_address_and_open_graph_tags(client, treatment_index):
    treatment = TreatmentPageFactory(
        parent=treatment_index,
        title="Plasma exchange",
        search_description="What plasma exchange is and how it is given.",
    )

    head = head_of(client, treatment)

    assert head.find("link", rel="canonical")["href"] == treatment.full_url
    assert treatment.full_url.startswith("http")
    assert open_graph(head) == {
        "og:type": "article",
        "og:title": "Plasma exchange",
        "og:description": "What plasma exchange is and how it is given.",
        "og:url": treatment.full_url,
        "og:site_name": "MS relapse treatments",
        "og:locale": "en_US",
    }
    assert head.find("meta", attrs={"name": "description"})["content"] == (
        "What plasma exchange is and how it is given."
    )


def test_the_home_page_is_the_website_itself(client, home):
    assert open_graph(head_of(client, home))["og:type"] == "website"


def test_the_seo_title_is_the_shared_title_when_a_writer_gives_one(client, treatment_index):
    treatment = TreatmentPageFactory(
        parent=treatment_index, title="IVIG", seo_title="Intravenous immunoglobulin (IVIG)"
    )

    head = head_of(client, treatment)

    assert open_graph(head)["og:title"] == "Intravenous immunoglobulin (IVIG)"
    assert head.title.get_text().startswith("Intravenous immunoglobulin (IVIG) |")


def test_a_page_without_a_search_description_has_no_empty_description(client, treatment_index):
    treatment = TreatmentPageFactory(parent=treatment_index, search_description="")

    head = head_of(client, treatment)

    assert "og:description" not in open_graph(head)
    assert head.find("meta", attrs={"name": "description"}) is None


def test_the_browser_tab_names_the_page_then_the_site(client, treatment_index):
    treatment = TreatmentPageFactory(parent=treatment_index, title="Plasma exchange")
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Relapse treatment guide"
    site.save()

    assert (
        head_of(client, treatment).title.get_text() == "Plasma exchange | Relapse treatment guide"
    )
