"""The home page: what relapses are and where to read more."""

import pytest

from tests.factories import SideEffectIndexPageFactory, make_private

pytestmark = pytest.mark.django_db


def test_the_home_page_shows_its_intro_and_the_sections_of_the_site(
    read_page, home, treatment_index, glossary_index
):
    home.intro = "<p>Relapses can be treated.</p>"
    home.save_revision().publish()
    treatment_index.search_description = "The options, one by one."
    treatment_index.save_revision().publish()

    main = read_page("/")

    assert main.h1.get_text() == home.title
    assert "Relapses can be treated." in main.find(class_="lead").get_text()
    sections = main.find("nav", attrs={"aria-label": "Sections of this site"})
    assert [(a.get_text(), a["href"]) for a in sections.find_all("a")] == [
        (treatment_index.title, treatment_index.url),
        (glossary_index.title, glossary_index.url),
    ]
    assert "The options, one by one." in sections.get_text()


def test_unpublished_and_private_sections_are_not_offered(read_page, home, treatment_index):
    SideEffectIndexPageFactory(parent=home).unpublish()
    make_private(treatment_index)

    sections = read_page("/").find("nav", attrs={"aria-label": "Sections of this site"})

    assert sections.find_all("a") == []
