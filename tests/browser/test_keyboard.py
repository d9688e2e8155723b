"""A reader who uses only the keyboard can skip to the content and read glossary definitions."""

from playwright.sync_api import expect

from tests.browser.site import build_portal_site
from tests.browser.test_accessibility import axe_violations

MAX_TABS = 40  # far more than the links before the first glossary term on a treatment page


def focused_class(page) -> str:
    return page.evaluate("document.activeElement.className")


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_main_content(page, live_server):
    site = build_portal_site()
    page.goto(live_server.url + site.treatment.url)

    page.keyboard.press("Tab")
    skip_link = page.locator(".skip-link")
    assert focused_class(page) == "skip-link"
    expect(skip_link).to_be_in_viewport(ratio=1)  # it slides in when focused

    page.keyboard.press("Enter")

    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null"), (
        "the next Tab goes on inside the main content, past the header and menu"
    )


def test_keyboard_user_opens_a_glossary_definition_and_closes_it_with_escape(page, live_server):
    site = build_portal_site()
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto(live_server.url + site.treatment.url)
    term_link = page.locator(".glossary-term__link").first
    definition = page.locator(".glossary-term__definition").first
    assert not definition.is_visible(), "definitions are closed until asked for"

    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if focused_class(page) == "glossary-term__link":
            break
    else:
        raise AssertionError(f"no glossary term was reached in {MAX_TABS} presses of Tab")

    assert term_link.inner_text() == "steroids"
    assert definition.is_visible()
    assert definition.inner_text() == (
        "A hormone that lessens inflammation and lowers the immune response."
    )
    box = definition.bounding_box()
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= 375, "the definition fits on a phone's screen"
    assert term_link.get_attribute("aria-describedby") == definition.get_attribute("id")
    assert axe_violations(page) == [], "the open definition is accessible too"

    page.keyboard.press("Escape")

    assert not definition.is_visible()
    assert focused_class(page) == "glossary-term__link", "Escape leaves focus where it was"

    page.keyboard.press("Enter")
    page.wait_for_url(f"**{site.glossary_term.url}")
    assert page.locator("h1").inner_text() == "corticosteroid"


def test_mouse_hover_opens_a_definition_that_stays_open_while_the_pointer_is_on_it(
    page, live_server
):
    site = build_portal_site()
    page.clock.install()  # the page's timers run only when the test moves the clock on
    page.goto(live_server.url + site.treatment.url)
    term_link = page.locator(".glossary-term__link").first
    definition = page.locator(".glossary-term__definition").first

    term_link.hover()
    assert definition.is_visible()
    definition.hover()  # a reader who zooms in moves onto the definition to read it
    page.clock.run_for(5000)  # far longer than the script waits before closing
    assert definition.is_visible()

    page.mouse.move(0, 0)
    page.clock.run_for(5000)
    expect(definition).to_be_hidden()


def test_first_tap_on_a_term_shows_its_definition_and_the_second_follows_the_link(
    browser, live_server, migrated_rows
):
    site = build_portal_site()
    context = browser.new_context(viewport={"width": 375, "height": 812}, has_touch=True)
    try:
        tab = context.new_page()
        tab.goto(live_server.url + site.treatment.url)
        term_link = tab.locator(".glossary-term__link").first
        definition = tab.locator(".glossary-term__definition").first

        term_link.tap()
        assert definition.is_visible()
        assert tab.url.endswith(site.treatment.url), "the first tap stays on the page"

        term_link.tap()
        tab.wait_for_url(f"**{site.glossary_term.url}")
    finally:
        context.close()


def test_without_javascript_the_term_is_a_plain_link_and_the_definition_stays_hidden(
    page_without_javascript, live_server
):
    site = build_portal_site()
    tab = page_without_javascript
    tab.goto(live_server.url + site.treatment.url)
    definition = tab.locator(".glossary-term__definition").first

    box = definition.bounding_box()
    assert box["width"] <= 1 and box["height"] <= 1, "hidden, but still read out"
    tab.locator(".glossary-term__link").first.click()
    tab.wait_for_url(f"**{site.glossary_term.url}")


def test_back_to_top_returns_a_reader_from_the_end_of_a_long_page(page, live_server):
    site = build_portal_site()
    page.set_viewport_size({"width": 1280, "height": 600})
    page.goto(live_server.url + site.treatment.url)
    page.keyboard.press("End")
    back_to_top = page.get_by_role("link", name="Back to top")
    expect(back_to_top).to_be_in_viewport()

    back_to_top.click()

    expect(page.locator("h1")).to_be_in_viewport()
    page.keyboard.press("Tab")
    assert focused_class(page) == "skip-link", "Tab starts again from the top of the page"
