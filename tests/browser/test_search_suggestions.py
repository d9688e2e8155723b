"""Suggestions under the search box, in Chromium: the ARIA 1.2 combobox pattern by keyboard,
mouse and screen reader, on a phone and a desktop, and the plain search box without them."""

import pytest
from playwright.sync_api import expect

from tests.browser.site import build_portal_site
from tests.browser.test_accessibility import VIEWPORTS, axe_violations
from tests.factories import SideEffectPageFactory


def open_suggestions(page, live_server, typed, box="#site-search-query", site=None):
    """Type into a search box on the treatment page until its suggestions are listed."""
    site = site or build_portal_site()
    page.goto(live_server.url + site.treatment.url)
    combobox = page.locator(box)
    combobox.focus()
    page.keyboard.type(typed)
    expect(combobox).to_have_attribute("aria-expanded", "true")
    return combobox, page.get_by_role("listbox", name="Suggestions")


def test_the_box_is_a_combobox_that_lists_names_the_site_knows(page, live_server):
    combobox, listbox = open_suggestions(page, live_server, "ster")

    assert combobox.get_attribute("role") == "combobox"
    assert combobox.get_attribute("aria-autocomplete") == "list"
    assert combobox.get_attribute("aria-controls") == listbox.get_attribute("id")
    expect(listbox.get_by_role("option")).to_have_text(["steroid", "steroids"])
    expect(page.get_by_role("status").filter(has_text="suggestions")).to_have_text(
        "2 suggestions. Use the up and down arrow keys to choose."
    )


def test_a_keyboard_user_chooses_a_suggestion_with_the_arrows_and_enter(page, live_server):
    combobox, listbox = open_suggestions(page, live_server, "ster")
    options = listbox.get_by_role("option")

    page.keyboard.press("ArrowDown")
    expect(options.nth(0)).to_have_attribute("aria-selected", "true")
    page.keyboard.press("ArrowDown")
    expect(options.nth(1)).to_have_attribute("aria-selected", "true")
    expect(options.nth(0)).to_have_attribute("aria-selected", "false")
    assert combobox.get_attribute("aria-activedescendant") == options.nth(1).get_attribute("id")
    assert page.evaluate("document.activeElement.id") == "site-search-query", "focus stays"
    page.keyboard.press("ArrowUp")
    expect(options.nth(0)).to_have_attribute("aria-selected", "true")

    page.keyboard.press("Enter")

    page.wait_for_url("**/search/?query=steroid")
    expect(page.locator("main h2")).to_contain_text("for “steroid”")


def test_escape_closes_the_list_and_keeps_what_was_typed(page, live_server):
    combobox, listbox = open_suggestions(page, live_server, "ster")

    page.keyboard.press("ArrowDown")
    page.keyboard.press("Escape")

    expect(listbox).to_be_hidden()
    expect(combobox).to_have_attribute("aria-expanded", "false")
    assert combobox.get_attribute("aria-activedescendant") is None
    expect(combobox).to_have_value("ster")
    page.keyboard.press("Enter")  # searches for what was typed
    page.wait_for_url("**/search/?query=ster")


def test_tab_moves_on_and_closes_the_list(page, live_server):
    _, listbox = open_suggestions(page, live_server, "ster")

    page.keyboard.press("Tab")

    expect(listbox).to_be_hidden()
    assert page.evaluate("document.activeElement.textContent") == "Search"


def test_a_slip_of_the_finger_still_brings_the_right_name(page, live_server):
    _, listbox = open_suggestions(page, live_server, "kidny", box="#site-search-query")

    expect(listbox.get_by_role("option")).to_have_text(["Kidney failure"])


def test_a_click_or_tap_on_a_suggestion_searches_for_it(page, live_server):
    _, listbox = open_suggestions(page, live_server, "ster")

    listbox.get_by_role("option", name="steroids").click()

    page.wait_for_url("**/search/?query=steroids")


def test_the_search_pages_own_box_suggests_too(page, live_server):
    build_portal_site()
    page.goto(live_server.url + "/search/")
    page.get_by_label("What are you looking for?").press_sequentially("kid")

    options = page.locator("#search-query-suggestions").get_by_role("option")
    expect(options).to_have_text(["Kidney failure"])


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_open_list_is_accessible_and_fits_the_screen(page, live_server, viewport):
    site = build_portal_site()
    SideEffectPageFactory(
        parent=site.side_effect_index,
        title="Stepping through a long title that needs more than one line",
    )
    page.set_viewport_size(VIEWPORTS[viewport])
    _, listbox = open_suggestions(page, live_server, "ste", site=site)
    expect(listbox.get_by_role("option")).to_have_count(3)
    page.keyboard.press("ArrowDown")

    assert axe_violations(page) == []
    box = listbox.bounding_box()
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= VIEWPORTS[viewport]["width"]
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    for option in listbox.get_by_role("option").all():
        assert option.bounding_box()["height"] >= 24, "a target big enough for a tremor"


def test_without_javascript_the_box_is_a_plain_search_box(page_without_javascript, live_server):
    site = build_portal_site()
    tab = page_without_javascript
    tab.goto(live_server.url + site.treatment.url)
    box = tab.locator("#site-search-query")

    assert box.get_attribute("role") is None
    box.fill("steriods")
    box.press("Enter")

    tab.wait_for_url("**/search/?query=steriods")
    expect(tab.locator(".search-correction")).to_contain_text("results for “steroids”")
