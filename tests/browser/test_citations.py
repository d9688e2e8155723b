"""Citations in Chromium: named for their source, reachable by keyboard, big enough to hit,
printed; and cited from the editor with the Cite button."""

import re

from django.contrib.auth.models import Group
from playwright.sync_api import expect

from review.roles import WRITERS
from tests.browser.site import GUIDELINE, LABEL, build_portal_site
from tests.browser.test_review_story import log_in
from tests.factories import SourceFactory, TreatmentPageFactory, UserFactory
from treatments.models import TreatmentPage


def test_each_citation_is_a_link_named_for_its_source(page, live_server):
    site = build_portal_site()
    page.goto(live_server.url + site.treatment.url)

    # The label is cited first (in the warning), so it is source 1.
    label_links = page.get_by_role("link", name=f"Source 1: {LABEL}", exact=True)
    guideline_links = page.get_by_role("link", name=f"Source 2: {GUIDELINE}", exact=True)
    expect(label_links).to_have_count(1 + 1 + 1 + 5)  # warning, text, status, side effects
    expect(guideline_links).to_have_count(1)
    # On screen it is the number in brackets: the words around it take up no room.
    expect(guideline_links.locator("[aria-hidden=true]")).to_have_text("[2]")
    words = guideline_links.locator(".visually-hidden")
    assert words.evaluate("words => words.getBoundingClientRect().width") <= 1

    sources = page.get_by_role("region", name="Sources")
    expect(sources.get_by_role("listitem")).to_have_count(2)
    expect(sources.get_by_role("link", name=GUIDELINE)).to_have_attribute(
        "href", "https://guidelines.example.org/ms-relapses"
    )


def test_a_keyboard_user_follows_a_citation_to_its_source(page, live_server):
    site = build_portal_site()
    page.emulate_media(reduced_motion="reduce")  # the page jumps rather than scrolls smoothly
    page.goto(live_server.url + site.treatment.url)
    citation = page.get_by_role("link", name=f"Source 2: {GUIDELINE}")

    for _ in range(80):
        page.keyboard.press("Tab")
        if citation.evaluate("link => link === document.activeElement"):
            break
    else:
        raise AssertionError("the citation is never reached with Tab")
    outline = citation.evaluate("link => getComputedStyle(link).outlineStyle")
    background = citation.evaluate("link => getComputedStyle(link).backgroundColor")
    assert outline != "none" or background != "rgba(0, 0, 0, 0)", "focus is visible"

    page.keyboard.press("Enter")

    assert page.evaluate("location.hash") == "#source-2"
    entry = page.locator("#source-2")
    expect(entry).to_be_in_viewport()
    assert entry.evaluate("item => item.matches(':target')")
    assert entry.evaluate("item => getComputedStyle(item).outlineStyle") == "solid"


def test_citations_are_big_enough_to_hit(page, live_server):
    site = build_portal_site()
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto(live_server.url + site.treatment.url)

    for box in page.locator("a.citation").evaluate_all(
        "links => links.map(link => link.getBoundingClientRect())"
        ".map(box => [box.width, box.height])"
    ):
        assert box[0] >= 24 and box[1] >= 24, box  # WCAG 2.5.8 target size


def test_a_printed_page_keeps_its_citations_and_lists_its_sources(page, live_server):
    site = build_portal_site()
    page.goto(live_server.url + site.treatment.url)
    page.emulate_media(media="print")

    citation = page.locator("a.citation").first
    expect(citation.locator("[aria-hidden=true]")).to_have_text("[1]")
    expect(citation.locator("[aria-hidden=true]")).to_be_visible()
    # An in-page link: no address printed after the number.
    assert citation.evaluate("link => getComputedStyle(link, '::after').content") == "none"
    sources = page.get_by_role("region", name="Sources")
    expect(sources).to_be_visible()
    expect(sources.get_by_text("A neurology society")).to_be_visible()
    # The source's web address is printed after its title.
    title_link = sources.get_by_role("link", name=GUIDELINE)
    assert title_link.evaluate("link => getComputedStyle(link, '::after').content") == (
        '" (https://guidelines.example.org/ms-relapses)"'
    )


def test_a_writer_cites_a_source_with_the_cite_button(page, live_server):
    source = SourceFactory(title="Treating relapses: a clinical guideline", publish=True)
    treatment = TreatmentPageFactory(
        title="Plasma exchange", what_it_is="<p>Plasma exchange filters the blood.</p>"
    )
    treatment.save_revision().publish()
    writer = UserFactory(username="wendy")
    writer.groups.set([Group.objects.get(name=WRITERS)])

    log_in(page, live_server, "wendy")
    page.goto(f"{live_server.url}/admin/pages/{treatment.pk}/edit/")
    editor = page.locator("#panel-child-content-what_it_is-section [role=textbox]")
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Shift+Home")  # select the sentence: the citation goes after it
    page.get_by_role("button", name="Cite a source for this statement").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("link", name=source.title).click()
    expect(dialog).to_be_hidden()
    expect(editor).to_have_text("Plasma exchange filters the blood.[source]")
    # The Sources panel still lists the section as uncited until the page is saved.
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("has been updated")).to_be_visible()

    draft = TreatmentPage.objects.get(pk=treatment.pk).get_latest_revision_as_object()
    assert draft.what_it_is.endswith(
        f'filters the blood.<embed embedtype="citation" id="{source.pk}"/></p>'
    )
    section = page.locator("[data-section='What it is']")
    expect(section).to_have_attribute("data-has-source", "true")
    expect(section.get_by_role("link", name=source.title)).to_be_visible()
    assert re.search(r"\[source\]", editor.inner_text())
