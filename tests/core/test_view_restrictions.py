"""A private page stays private however it is reached: under a private section, or through an
alias of it placed elsewhere; checking costs one query at any depth."""

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import (
    SideEffectIndexPageFactory,
    SideEffectPageFactory,
    TreatmentIndexPageFactory,
    TreatmentPageFactory,
    make_private,
)

pytestmark = pytest.mark.django_db

PASSWORD_FORM = "wagtailcore/password_required.html"


def asks_for_password(client, page) -> bool:
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    return PASSWORD_FORM in [template.name for template in response.templates]


def test_a_page_under_a_private_section_asks_for_the_password(client):
    index = TreatmentIndexPageFactory()
    treatment = TreatmentPageFactory(parent=index)
    side_effect = SideEffectPageFactory()
    make_private(index)

    assert asks_for_password(client, treatment)
    assert not asks_for_password(client, side_effect)
    assert list(treatment.get_view_restrictions()) == [index.view_restrictions.get()]
    assert not side_effect.get_view_restrictions().exists()


def test_an_alias_of_a_private_page_is_as_private_as_its_source(client):
    private = TreatmentPageFactory(slug="private-notes")
    make_private(private)
    elsewhere = SideEffectIndexPageFactory()
    alias = private.create_alias(parent=elsewhere, update_slug="notes-again")

    assert asks_for_password(client, alias)
    # Made public at its source, the alias is public too.
    PageViewRestriction.objects.filter(page=private).delete()
    assert not asks_for_password(client, alias)


def test_an_alias_of_a_section_shares_its_restrictions_with_the_pages_below(client):
    index = TreatmentIndexPageFactory()
    TreatmentPageFactory(parent=index, slug="ivig")
    make_private(index)
    copy = index.create_alias(
        parent=index.get_parent(), update_slug="treatments-again", recursive=True
    )
    below_copy = copy.get_children().get()

    assert asks_for_password(client, below_copy)


def test_checking_restrictions_costs_one_query_at_any_depth(django_assert_num_queries):
    treatment = TreatmentPageFactory()
    with django_assert_num_queries(1):
        assert list(treatment.get_view_restrictions()) == []
