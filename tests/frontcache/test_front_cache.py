"""End to end through Varnish (the repository's VCL) and gunicorn: what patients are served
from the cache, and that a change reaches them at once and takes nothing unpublished back."""

import pytest
from django.test import Client
from wagtail.actions.delete_page import DeletePageAction
from wagtail.actions.move_page import MovePageAction
from wagtail.models import Page

from core.blocks import questions
from review.roles import REVIEWERS, WRITERS
from tests.factories import (
    GlossaryIndexPageFactory,
    GlossaryTermPageFactory,
    QuestionsGuidePageFactory,
    SideEffectIndexPageFactory,
    SideEffectPageFactory,
    SourceFactory,
    TreatmentComparisonPageFactory,
    TreatmentIndexPageFactory,
    TreatmentPageFactory,
    TreatmentSideEffectFactory,
    cite,
    make_private,
    member_of,
)
from tests.frontcache.conftest import wait_for
from tests.review.admin_steps import submit, workflow_action
from treatments.models import SideEffectClass, TreatmentPage


@pytest.fixture
def portal(site):
    """Two treatments, side effects, a glossary word on the treatment pages, a comparison."""
    index = TreatmentIndexPageFactory()
    SideEffectIndexPageFactory()
    GlossaryIndexPageFactory()
    ivig = TreatmentPageFactory(
        parent=index, title="IVIG", slug="ivig", what_it_is="<p>Used after a relapse.</p>"
    )
    steroids = TreatmentPageFactory(
        parent=index, title="Steroids", slug="steroids", what_it_is="<p>Pills or a drip.</p>"
    )
    headache = SideEffectPageFactory(title="Headache", slug="headache")
    rash = SideEffectPageFactory(title="Rash", slug="rash")
    TreatmentSideEffectFactory(treatment=ivig, side_effect=headache)
    TreatmentSideEffectFactory(treatment=steroids, side_effect=rash)
    relapse = GlossaryTermPageFactory(
        title="relapse", slug="relapse", definition="New or worse symptoms."
    )
    comparison = TreatmentComparisonPageFactory(parent=index)
    return {
        "index": index,
        "ivig": ivig,
        "steroids": steroids,
        "headache": headache,
        "rash": rash,
        "relapse": relapse,
        "comparison": comparison,
    }


def cached(reader, *pages):
    """Read each page twice, so it is in the front cache."""
    for page in pages:
        first, second = reader.get(page.url), reader.get(page.url)
        assert second.cache == "hit", (page.url, dict(first.headers), dict(second.headers))


def publish(page, **changes):
    page = page.specific_class.objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def test_a_patient_is_served_from_the_cache_after_the_first_reader(portal, site):
    reader = site.visitor()

    first, second = reader.get("/treatments/ivig/"), reader.get("/treatments/ivig/")

    assert (first.status, first.cache) == (200, "miss")
    assert (second.status, second.cache) == (200, "hit")
    assert second.text == first.text
    assert "xkey" not in second.headers  # the tags are Varnish's business only


def test_a_reviewers_approval_reaches_patients_with_the_next_request(portal, site):
    reader, ivig = site.visitor(), portal["ivig"]
    publish(ivig)
    cached(reader, ivig, portal["index"], portal["comparison"], portal["rash"])
    writer = member_of(WRITERS, username="wendy")
    reviewer = member_of(REVIEWERS, username="riley")
    editor = Client()
    editor.force_login(writer)
    submit(editor, ivig, what_it_is="<p>Given into a vein over several days.</p>")
    assert "several days" not in reader.get(ivig.url).text  # submitted, not yet approved

    editor.force_login(reviewer)
    workflow_action(editor, ivig, "approve", comment="")

    after = reader.get(ivig.url)
    assert after.cache == "miss"
    assert "Given into a vein over several days." in after.text
    # Pages that show the treatment are fresh too; one that does not is still cached.
    assert reader.get(portal["comparison"].url).cache == "miss"
    assert reader.get(portal["rash"].url).cache == "hit"


def test_an_unpublished_page_and_every_mention_of_it_leave_the_cache(portal, site):
    reader, steroids = site.visitor(), portal["steroids"]
    cached(reader, steroids, portal["index"], portal["rash"], portal["comparison"])

    steroids.unpublish()

    assert reader.get(steroids.url).status == 404
    for listing in (portal["index"], portal["rash"], portal["comparison"]):
        assert "Steroids" not in reader.get(listing.url).text, listing.url


def test_an_unpublished_questions_guide_is_no_longer_linked_from_the_treatments(portal, site):
    guide = QuestionsGuidePageFactory()
    ivig = publish(portal["ivig"], questions_to_ask=questions("How many sessions will I need?"))
    reader = site.visitor()
    cached(reader, ivig)
    assert guide.url in reader.get(ivig.url).text

    guide.unpublish()

    assert guide.url not in reader.get(ivig.url).text


def test_a_deleted_side_effect_leaves_its_page_and_the_treatments_listing_it(portal, site):
    reader, headache = site.visitor(), portal["headache"]
    cached(reader, headache, portal["ivig"], portal["comparison"])

    DeletePageAction(Page.objects.get(pk=headache.pk)).execute(skip_permission_checks=True)

    assert reader.get(headache.url).status == 404
    assert "Headache" not in reader.get(portal["ivig"].url).text
    assert "Headache" not in reader.get(portal["comparison"].url).text


def test_a_page_made_private_leaves_the_cache_and_every_list(portal, site):
    reader, steroids = site.visitor(), portal["steroids"]
    cached(reader, steroids, portal["index"])

    make_private(steroids)

    behind_password = reader.get(steroids.url)
    assert "Pills or a drip." not in behind_password.text
    assert behind_password.cache != "hit"
    assert "Steroids" not in reader.get(portal["index"].url).text


def test_a_renamed_page_moves_and_its_old_address_is_not_served(portal, site):
    reader, ivig = site.visitor(), portal["ivig"]
    cached(reader, ivig, portal["index"], portal["headache"])

    publish(ivig, title="Immunoglobulin", slug="immunoglobulin")

    old_address = reader.get("/treatments/ivig/")  # Wagtail redirects it to the new one
    assert (old_address.status, old_address.headers["Location"]) == (
        301,
        "/treatments/immunoglobulin/",
    )
    assert "Immunoglobulin" in reader.get("/treatments/immunoglobulin/").text
    assert 'href="/treatments/immunoglobulin/"' in reader.get(portal["index"].url).text
    assert 'href="/treatments/immunoglobulin/"' in reader.get(portal["headache"].url).text


def test_moving_a_treatment_reorders_every_list_of_treatments(portal, site):
    reader = site.visitor()
    cached(reader, portal["index"], portal["comparison"])

    steroids = Page.objects.get(pk=portal["steroids"].pk)
    MovePageAction(steroids, Page.objects.get(pk=portal["ivig"].pk), pos="left").execute()

    for listing in (portal["index"], portal["comparison"]):
        text = reader.get(listing.url).text
        assert text.index("Steroids") < text.index("IVIG"), listing.url


def test_a_page_stored_just_after_a_publish_is_purged_once_more(portal, site, settings):
    """A reader's request that read the old content just before the publish was committed
    can store it in the cache just after the purge; the purge is sent again to clear it."""
    settings.FRONT_CACHE_REPURGE_SECONDS = 0.5
    reader, ivig = site.visitor(), portal["ivig"]
    publish(portal["relapse"], definition="An attack of new or worse MS symptoms.")
    reader.get(ivig.url)  # stored after the purge, as that late request's page would be
    assert reader.get(ivig.url).cache == "hit"

    wait_for(lambda: reader.get(ivig.url).cache == "miss", timeout=3)


def test_a_new_definition_reaches_every_page_that_explains_the_word(portal, site):
    reader = site.visitor()
    glossary = portal["relapse"].get_parent()
    cached(reader, portal["ivig"], glossary, portal["steroids"])

    publish(portal["relapse"], definition="An attack of new or worse MS symptoms.")

    assert "An attack of new or worse MS symptoms." in reader.get(portal["ivig"].url).text
    assert "An attack of new or worse MS symptoms." in reader.get(glossary.url).text
    # "Steroids" never uses the word: purging it would be waste.
    assert reader.get(portal["steroids"].url).cache == "hit"


def test_a_side_effect_changed_under_a_treatment_updates_both_pages(portal, site):
    reader, ivig, headache, rash = (
        site.visitor(),
        portal["ivig"],
        portal["headache"],
        portal["rash"],
    )
    publish(ivig)
    cached(reader, ivig, headache, rash, portal["comparison"], portal["steroids"])

    page = TreatmentPage.objects.get(pk=ivig.pk)
    link = page.side_effect_links.get()
    link.classification = SideEffectClass.SERIOUS
    page.side_effect_links = [link, TreatmentSideEffectFactory.build(side_effect=rash)]
    page.save_revision().publish()

    assert "Headache" in section(reader.get(ivig.url).text, "Serious side effects")
    assert "serious" in reader.get(headache.url).text
    assert "IVIG" in reader.get(rash.url).text  # the side effect newly listed lists it back
    assert "Rash" in section(reader.get(portal["comparison"].url).text, "Common side effects")
    assert reader.get(portal["steroids"].url).cache == "hit"


def test_a_source_approved_reaches_every_page_that_cites_it(portal, site):
    reader = site.visitor()
    source = SourceFactory(title="Relapse guideline", live=False)
    ivig = publish(portal["ivig"], what_it_is=f"<p>Used after a relapse.{cite(source)}</p>")
    cached(reader, ivig, portal["steroids"])
    assert "Relapse guideline" not in reader.get(ivig.url).text  # not approved yet

    source.save_revision().publish()

    assert "Source 1: Relapse guideline" in reader.get(ivig.url).text
    assert reader.get(portal["steroids"].url).cache == "hit"  # it cites nothing

    source.refresh_from_db()
    source.unpublish()
    assert "Relapse guideline" not in reader.get(ivig.url).text


def section(html, heading):
    """The part of ``html`` from ``heading`` to the next heading of any level."""
    start = html.index(heading)
    ends = [html.find(tag, start + len(heading)) for tag in ("<h2", "<h3", "<th")]
    return html[start : min([end for end in ends if end != -1] or [len(html)])]


def test_a_logged_in_editor_is_never_served_from_or_into_the_cache(portal, site):
    editor, patient = site.visitor(), site.visitor()
    editor.log_in(member_of(WRITERS, username="wendy"))

    views = [editor.get(portal["ivig"].url) for _ in range(2)]

    assert [view.cache for view in views] == ["pass", "pass"]
    assert all("private" in view.headers["Cache-Control"] for view in views)
    assert "wagtail-userbar" in views[1].text
    assert "wagtail-userbar" not in patient.get(portal["ivig"].url).text
    assert [editor.get("/admin/").cache for _ in range(2)] == ["pass", "pass"]


def test_a_response_that_sets_a_cookie_is_never_cached(portal, site):
    make_private(portal["steroids"])  # its password form carries a CSRF token and cookie
    first, second = site.visitor(), site.visitor()

    one, two = first.get(portal["steroids"].url), second.get(portal["steroids"].url)

    assert "pass" in (one.cache, two.cache) and "hit" not in (one.cache, two.cache)
    assert one.headers["Set-Cookie"] and two.headers["Set-Cookie"]
    assert first.cookies["csrftoken"] != second.cookies["csrftoken"]


def test_only_the_app_servers_may_purge(portal, site):
    reader = site.visitor()
    cached(reader, portal["ivig"])
    stranger = site.visitor(source="127.0.0.2")  # not in the VCL's purgers

    refused = stranger.request("PURGE", "/", headers={"xkey-purge": f"page-{portal['ivig'].pk}"})

    assert refused.status == 403
    assert reader.get(portal["ivig"].url).cache == "hit"
