"""Nothing is offered that will be refused: the page listing's bulk-action bar, each row's
actions and the editor's menus show publish, unpublish, move and delete only to those whose
permissions allow them, by the same checks that refuse them when tried."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group

from review.roles import ADMINISTRATORS, REVIEWERS, WRITERS
from tests.factories import TreatmentPageFactory, UserFactory
from tests.review.admin_steps import live_html

pytestmark = pytest.mark.django_db

GUARDED = {"Publish", "Unpublish", "Move", "Delete"}
MAY_USE = {WRITERS: set(), REVIEWERS: set(), ADMINISTRATORS: GUARDED}


def labels(elements) -> set[str]:
    return {" ".join(element.get_text().split()) for element in elements} & GUARDED


@pytest.fixture
def signed_in(client, treatment):
    def signed_in(role):
        user = UserFactory(is_superuser=role == ADMINISTRATORS)
        user.groups.set([Group.objects.get(name=role)])
        client.force_login(user)
        return client

    return signed_in


@pytest.mark.parametrize("role", MAY_USE)
def test_the_bulk_action_bar_offers_only_what_the_role_may_do(signed_in, treatment, role):
    listing = signed_in(role).get(f"/admin/pages/{treatment.get_parent().pk}/")
    bar = BeautifulSoup(listing.content, "html.parser").select_one(".bulk-actions-buttons")
    assert labels(bar.find_all(["a", "button"])) == MAY_USE[role]


@pytest.mark.parametrize("role", MAY_USE)
def test_each_listed_page_offers_only_what_the_role_may_do(signed_in, treatment, role):
    listing = signed_in(role).get(f"/admin/pages/{treatment.get_parent().pk}/")
    soup = BeautifulSoup(listing.content, "html.parser")
    row = next(tr for tr in soup.select("tbody tr") if "Plasma exchange" in tr.get_text())
    assert labels(row.find_all(["a", "button"])) == MAY_USE[role] - {"Publish"}


@pytest.mark.parametrize("role", MAY_USE)
def test_the_editor_offers_only_what_the_role_may_do(signed_in, treatment, role):
    editor = signed_in(role).get(f"/admin/pages/{treatment.pk}/edit/")
    assert editor.status_code == 200
    soup = BeautifulSoup(editor.content, "html.parser")
    assert labels(soup.select("footer button, footer a, header a, header button")) == MAY_USE[role]


def test_a_writers_hand_made_bulk_publish_publishes_nothing(signed_in, treatment):
    draft = TreatmentPageFactory(title="Unreviewed draft", live=False)
    draft.save_revision()
    client = signed_in(WRITERS)

    client.post(f"/admin/bulk/wagtailcore/page/publish/?id={draft.pk}", {})

    draft.refresh_from_db()
    assert not draft.live
    assert "Original text." in live_html(treatment)
