"""Each glossary name explains one term only, and the glossary's order never changes."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse

from glossary.models import GlossaryTermPage
from tests.factories import GlossaryTermPageFactory, TreatmentPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plasma_exchange(glossary_index):
    term = GlossaryTermPageFactory(
        parent=glossary_index,
        title="Plasma exchange",
        other_names=["plasmapheresis", "PLEX"],
    )
    term.save_revision().publish()
    return term


@pytest.mark.parametrize(
    ("title", "other_names"),
    [
        ("plasma  EXCHANGE", []),
        ("Plasmapheresis", []),
        ("Apheresis", ["plex"]),
        ("Apheresis", ["Plasma exchange"]),
    ],
)
def test_a_name_already_used_by_another_term_is_refused(
    glossary_index, plasma_exchange, title, other_names
):
    term = GlossaryTermPage(title=title, slug="new-term", definition="A definition.")
    term.other_names = other_names
    with pytest.raises(ValidationError) as refused:
        glossary_index.add_child(instance=term)
    assert "already a name of the glossary term “Plasma exchange”" in str(refused.value)


def test_draft_terms_hold_their_names_too(glossary_index):
    draft = GlossaryTermPageFactory(
        parent=glossary_index, title="Relapse", other_names=["flare"], live=False
    )
    draft.save_revision()
    with pytest.raises(ValidationError):
        GlossaryTermPageFactory(parent=glossary_index, title="Flare-up", other_names=["Flare"])


def test_a_name_added_in_an_unpublished_draft_of_a_live_term_counts(
    client, glossary_index, plasma_exchange
):
    plasma_exchange.other_names = ["plasmapheresis", "PLEX", "blood cleaning"]
    plasma_exchange.save_revision()
    with pytest.raises(ValidationError):
        GlossaryTermPageFactory(parent=glossary_index, title="Blood cleaning")


def test_a_term_keeps_its_own_names_when_edited(plasma_exchange):
    plasma_exchange.definition = "A new definition."
    plasma_exchange.full_clean()


def test_the_editor_explains_the_clash_and_saves_nothing(
    client, site_admin, glossary_index, plasma_exchange
):
    client.force_login(site_admin)
    url = reverse(
        "wagtailadmin_pages:add", args=["glossary", "glossarytermpage", glossary_index.pk]
    )
    form_html = client.get(url).content.decode()
    assert "other_names" in form_html
    response = client.post(
        url,
        {
            "title": "PLEX",
            "slug": "plex",
            "definition": "Another definition.",
            "other_names": "",
            "related_terms": [],
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
            "comments-MIN_NUM_FORMS": "0",
            "comments-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 200
    assert "already a name of the glossary term “Plasma exchange”" in response.content.decode()
    assert GlossaryTermPage.objects.count() == 1


def make_terms_that_clash(glossary_index):
    """Two terms claiming one name, as data made before names had to be unique might.

    The one made first sorts last A to Z, so the database's own order is not the glossary's."""
    zeta = GlossaryTermPage(title="Zeta", slug="zeta", definition="Zeta's meaning.")
    zeta.other_names = ["flare"]
    glossary_index.add_child(instance=zeta)
    alpha = GlossaryTermPage(title="Alpha", slug="alpha", definition="Alpha's meaning.")
    alpha.other_names = ["flare"]
    glossary_index.add_child(instance=alpha)  # without clean(): the clash is the point
    for term in (zeta, alpha):
        term.save_revision().publish(skip_permission_checks=True)
    return alpha, zeta


def test_the_same_term_explains_a_shared_name_on_every_page(client, glossary_index, monkeypatch):
    monkeypatch.setattr(GlossaryTermPage, "clean", lambda self: None)
    alpha, _ = make_terms_that_clash(glossary_index)
    page = TreatmentPageFactory(what_it_is="<p>A flare of symptoms.</p>")
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert BeautifulSoup(html, "html.parser").find("a", href=alpha.url) is not None


def test_the_glossary_order_is_a_to_z_with_equal_titles_in_a_fixed_order(
    client, glossary_index, monkeypatch
):
    monkeypatch.setattr(GlossaryTermPage, "clean", lambda self: None)
    for title in ["edema", "Edema", "EDEMA", "Cortisone"]:
        GlossaryTermPageFactory(parent=glossary_index, title=title)
    glossary_index.save_revision().publish()

    def listed():
        html = client.get(glossary_index.url).content.decode()
        return [link.get_text(strip=True) for link in BeautifulSoup(html, "html.parser").main("a")]

    order = listed()
    assert [title for title in order if title.casefold() in {"edema", "cortisone"}] == [
        "Cortisone",
        "EDEMA",
        "Edema",
        "edema",
    ]
    assert all(listed() == order for _ in range(3))
