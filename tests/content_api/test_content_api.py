"""The open content API (Wagtail's API v2): live, public pages only, read-only, with treatments'
structured fields, side effects in their classes, glossary terms and the review record; never a
draft, a private page, an unpublished revision, a username or anything from the admin."""

import datetime
import json

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from tests.factories import (
    GlossaryTermPageFactory,
    SideEffectPageFactory,
    TreatmentPageFactory,
    TreatmentSideEffectFactory,
    UserFactory,
    make_private,
    publish_approved,
    save_draft,
)
from treatments.models import RegulatoryStatus, Route, SideEffectClass

pytestmark = pytest.mark.django_db

API = "/api/v2/pages/"
MARCH_14 = datetime.datetime(2026, 3, 14, 12, tzinfo=datetime.UTC)
# Words that exist only where partners must never look: drafts, private and unpublished pages,
# unpublished revisions, and the reviewer's account.
SECRETS = ["Draftword", "Privateword", "Unpublishedword", "Neverpublishedword", "rr-account"]

KIDNEY_WARNING = {
    "heading": "Risk of kidney problems",
    "body": '<p>Read <a linktype="page" id="{page}">about kidney failure</a>.</p>',
    "most_at_risk": ["People with diabetes"],
    "advice": "",
}


@pytest.fixture
def portal(home, treatment_index, side_effect_index, glossary_index):
    """A live, public, reviewed treatment, and around it every kind of page partners never see."""
    kidney_failure = SideEffectPageFactory(title="Kidney failure")
    private_side_effect = SideEffectPageFactory(title="Privateword side effect")
    make_private(private_side_effect)
    unpublished_side_effect = SideEffectPageFactory(title="Unpublishedword side effect")
    unpublished_side_effect.unpublish()

    ivig = TreatmentPageFactory(
        title="IVIG",
        slug="ivig",
        summary="Antibodies from donors.",
        what_it_is=f'<p>See <a linktype="page" id="{kidney_failure.pk}">kidney failure</a>.</p>',
        routes=[Route.INTO_A_VEIN, Route.UNDER_THE_SKIN],
        schedule="Several sessions",
        regulatory_status=RegulatoryStatus.NOT_FDA_APPROVED,
        search_names=["IGIV"],
        safety_warnings=json.dumps(
            [
                {
                    "type": "warning",
                    "value": {
                        **KIDNEY_WARNING,
                        "body": KIDNEY_WARNING["body"].format(page=kidney_failure.pk),
                    },
                }
            ]
        ),
    )
    for side_effect, classification, note in [
        (kidney_failure, SideEffectClass.SERIOUS, ""),
        (private_side_effect, SideEffectClass.SERIOUS, ""),
        (unpublished_side_effect, SideEffectClass.COMMON, ""),
    ]:
        TreatmentSideEffectFactory(
            treatment=ivig, side_effect=side_effect, classification=classification, note=note
        )
    reviewer = UserFactory(
        username="rr-account-7", first_name="Riley", last_name="Reviewer", email="rr@example.org"
    )
    publish_approved(ivig, reviewer=reviewer, approved_at=MARCH_14)
    save_draft(
        ivig, title="Draftword title", summary="Draftword summary", search_names=["Draftword"]
    )

    private = TreatmentPageFactory(title="Privateword treatment", summary="Privateword.")
    make_private(private)
    unpublished = TreatmentPageFactory(
        title="Unpublishedword treatment", summary="Unpublishedword."
    )
    unpublished.unpublish()
    never_published = TreatmentPageFactory(
        title="Neverpublishedword treatment", summary="Neverpublishedword.", live=False
    )

    steroid = GlossaryTermPageFactory(title="corticosteroid", other_names=["steroids"])
    inflammation = GlossaryTermPageFactory(title="inflammation")
    private_term = GlossaryTermPageFactory(title="Privateword term")
    make_private(private_term)
    draft_term = GlossaryTermPageFactory(title="Neverpublishedword term", live=False)
    steroid.related_terms.set([inflammation, private_term, draft_term])
    steroid.save_revision().publish()

    return {
        "ivig": ivig,
        "kidney failure": kidney_failure,
        "steroid": steroid,
        "inflammation": inflammation,
        "hidden": [
            private,
            unpublished,
            never_published,
            private_side_effect,
            unpublished_side_effect,
            private_term,
            draft_term,
        ],
    }


def get(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200, (path, params, response.content[:300])
    assert_nothing_hidden(response)
    return response.json()


def assert_nothing_hidden(response):
    text = response.content.decode()
    for secret in SECRETS:
        assert secret not in text


def ids(listing):
    return {item["id"] for item in listing["items"]}


def test_every_listing_and_filter_shows_live_public_pages_only(client, portal):
    hidden = {page.pk for page in portal["hidden"]}
    index = portal["ivig"].get_parent()
    listings = [
        {},
        {"fields": "*"},
        {"type": "treatments.TreatmentPage", "fields": "*"},
        {"type": "treatments.SideEffectPage", "fields": "*"},
        {"type": "glossary.GlossaryTermPage", "fields": "*"},
        {"type": "treatments.TreatmentPage,glossary.GlossaryTermPage"},
        {"child_of": index.pk},
        {"descendant_of": portal["ivig"].get_parent().get_parent().pk},
        {"ancestor_of": portal["ivig"].pk},
        {"search": "treatment"},
        {"search": "Privateword"},
        {"search": "Draftword"},
        {"search": "Neverpublishedword", "search_operator": "or"},
        {"type": "treatments.TreatmentPage", "title": "Privateword treatment"},
        {"type": "treatments.TreatmentPage", "slug": "ivig"},
        {"order": "-title"},
        {"order": "random"},
        {"limit": 20, "offset": 0},
        {"show_in_menus": "false"},
    ]
    for params in listings:
        listing = get(client, API, **params)
        assert not ids(listing) & hidden, params
    assert portal["ivig"].pk in ids(get(client, API, type="treatments.TreatmentPage"))


def test_no_detail_or_find_answers_for_a_hidden_page(client, portal):
    for page in portal["hidden"]:
        assert client.get(f"{API}{page.pk}/").status_code == 404, page.title
        assert client.get(f"{API}find/", {"id": page.pk}).status_code == 404, page.title
        assert (
            client.get(f"{API}find/", {"html_path": page.url_path[len("/home") :]}).status_code
            == 404
        )
        for relation in ("child_of", "descendant_of", "ancestor_of"):
            response = client.get(API, {relation: page.pk})
            assert response.status_code in (400, 404), (relation, page.title)
            assert_nothing_hidden(response)


def test_the_live_version_is_shown_never_an_unpublished_revision(client, portal):
    ivig = get(client, f"{API}{portal['ivig'].pk}/")

    assert ivig["title"] == "IVIG"
    assert ivig["summary"] == "Antibodies from donors."
    assert ivig["search_names"] == ["IGIV"]
    found = client.get(f"{API}find/", {"html_path": "/treatments/ivig/"}, follow=True)
    assert found.json()["title"] == "IVIG"


def test_a_treatment_has_its_structured_fields_and_its_side_effects_in_their_classes(
    client, portal
):
    ivig = get(client, f"{API}{portal['ivig'].pk}/")

    assert ivig["meta"]["type"] == "treatments.TreatmentPage"
    assert ivig["routes"] == [
        {"value": "into_a_vein", "label": "Into a vein (intravenous, IV)"},
        {"value": "under_the_skin", "label": "Under the skin"},
    ]
    assert ivig["schedule"] == "Several sessions"
    assert ivig["regulatory_status"] == {
        "value": "not_fda_approved",
        "label": "Not FDA-approved for treating MS relapses",
    }
    (side_effect,) = ivig["side_effects"]
    assert side_effect["side_effect"]["title"] == "Kidney failure"
    assert side_effect["side_effect"]["meta"]["html_url"].endswith("/side-effects/kidney-failure/")
    assert side_effect["classification"] == {"value": "serious", "label": "Serious side effects"}
    warning = ivig["safety_warnings"][0]["value"]
    assert warning["most_at_risk"] == ["People with diabetes"]
    # Rich text as HTML, a link to a page as its address.
    assert 'href="/side-effects/kidney-failure/"' in warning["body"]
    assert 'href="/side-effects/kidney-failure/"' in ivig["what_it_is"]


def test_a_side_effect_lists_the_live_treatments_that_cause_it(client, portal):
    side_effect = get(client, f"{API}{portal['kidney failure'].pk}/")

    assert [
        (link["treatment"]["title"], link["classification"]["value"])
        for link in side_effect["treatments"]
    ] == [("IVIG", "serious")]


def test_a_glossary_term_has_its_definition_other_names_and_public_related_terms(client, portal):
    term = get(client, f"{API}{portal['steroid'].pk}/")

    assert term["definition"] == "A plain definition."
    assert term["other_names"] == ["steroids"]
    assert [related["title"] for related in term["related_terms"]] == ["inflammation"]


def test_the_review_record_names_the_reviewer_by_full_name_only(client, portal):
    response = client.get(f"{API}{portal['ivig'].pk}/")

    assert response.json()["review"] == {
        "last_reviewed": "2026-03-14",
        "reviewed_by": "Riley Reviewer",
        "next_review_due": "2027-03-14",
    }
    assert "rr@example.org" not in response.content.decode()
    assert get(client, f"{API}{portal['inflammation'].pk}/")["review"] is None, "never reviewed"


def test_a_version_published_without_review_claims_no_review(client, portal):
    ivig = portal["ivig"].specific_class.objects.get(pk=portal["ivig"].pk)
    ivig.summary = "An urgent correction, published by an administrator."
    ivig.save_revision().publish()

    assert get(client, f"{API}{ivig.pk}/")["review"] is None


ADMIN_FIELDS = [
    "owner",
    "locked",
    "locked_by",
    "latest_revision",
    "live_revision",
    "has_unpublished_changes",
    "draft_title",
    "custom_review_frequency",
    "last_reviewed_by",
    "live",
    "url_path",
    "path",
    "content_type",
]


def test_fields_star_exposes_nothing_from_the_admin(client, portal):
    for page in (portal["ivig"], portal["kidney failure"], portal["steroid"]):
        detail = get(client, f"{API}{page.pk}/", fields="*")
        listed = get(client, API, type=page.specific_class._meta.label, fields="*")["items"][0]
        for item in (detail, listed):
            assert not set(ADMIN_FIELDS) & set(item), page.title
            assert not set(ADMIN_FIELDS) & set(item["meta"]), page.title
            assert set(item["meta"]) <= {
                "type",
                "detail_url",
                "html_url",
                "slug",
                "show_in_menus",
                "seo_title",
                "search_description",
                "first_published_at",
                "alias_of",
                "parent",
                "locale",
            }


@pytest.mark.parametrize("field", ADMIN_FIELDS)
def test_asking_for_an_admin_field_is_refused(client, portal, field):
    for params in ({"fields": field}, {"type": "treatments.TreatmentPage", "fields": field}):
        response = client.get(API, params)
        assert response.status_code == 400
        assert "unknown fields" in response.json()["message"]


@pytest.mark.parametrize(
    "params",
    [
        {"first_published_at": "soon"},
        {"type": "treatments.TreatmentPage", "routes": "into_a_vein"},
        {"type": "treatments.TreatmentPage", "safety_warnings": "x"},
        {"type": "treatments.TreatmentPage", "search_names": "IGIV"},
        {"type": "treatments.TreatmentPage", "questions_to_ask": "x"},
        {"type": "glossary.GlossaryTermPage", "other_names": "steroids"},
        {"type": "treatments.TreatmentPage", "order": "routes"},
        {"type": "treatments.TreatmentPage", "last_reviewed_by": "1"},
        {"type": "treatments.TreatmentPage", "owner": "1"},
        {"type": "no.Such"},
        {"show_in_menus": "maybe"},
        {"id": "abc"},
        {"child_of": "abc"},
        {"limit": "-1"},
        {"title": "a\x00b"},
        {"search": "a\x00b"},
        {"offset": "99999999999999999999"},
        {"unknown": "1"},
    ],
)
def test_a_bad_query_gets_400_never_a_server_error(client, portal, params):
    response = client.get(API, params)

    assert response.status_code == 400, response.content[:200]
    assert response.json()["message"]


def test_the_api_is_read_only_sets_no_cookie_and_may_be_read_from_a_partners_page(portal):
    client = Client()
    response = client.get(API)

    assert response.cookies == {}
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Content-Type"] == "application/json"
    for method in ("post", "put", "patch", "delete"):
        assert getattr(client, method)(API).status_code == 405
        assert getattr(client, method)(f"{API}{portal['ivig'].pk}/").status_code == 405


def test_a_reader_who_knows_a_private_pages_password_sees_no_more_than_anyone(client, portal):
    private = TreatmentPageFactory(title="Privateword with a password")
    restriction = make_private(private)
    entered = client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{private.pk}/",
        {"password": "secret", "return_url": private.url},
    )
    assert entered.status_code == 302
    assert client.get(private.url).status_code == 200, "the site shows it to them"

    assert private.pk not in ids(get(client, API, limit=20))
    assert client.get(f"{API}{private.pk}/").status_code == 404


def test_a_logged_in_editor_sees_no_more_than_anyone(client, site_admin, portal):
    members_only = TreatmentPageFactory(title="Privateword for members")
    PageViewRestriction.objects.create(
        page=members_only, restriction_type=PageViewRestriction.LOGIN
    )
    client.force_login(site_admin)  # a login restriction lets them see the page itself
    assert client.get(members_only.url).status_code == 200
    hidden = {page.pk for page in [*portal["hidden"], members_only]}

    assert not ids(get(client, API, limit=20)) & hidden
    for page in [*portal["hidden"], members_only]:
        assert client.get(f"{API}{page.pk}/").status_code == 404
