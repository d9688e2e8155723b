"""The patient tools in Chromium: the comparison reads on a phone, the worksheets work by
keyboard, print what the patient filled in or chose, and send nothing anywhere."""

import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.browser.site import build_portal_site
from tests.browser.test_accessibility import VIEWPORTS, axe_violations

LONG_ANSWER = " ".join(["I felt better after a week, but my left leg stayed weak."] * 4)


def printed_pages(page) -> int:
    """How many sheets of paper the page prints on (US Letter, the site's print margins)."""
    return len(re.findall(rb"/Type\s*/Page(?!s)", page.pdf(format="Letter")))


def record_requests(page) -> list[str]:
    """Every request the page sends from now on (the page has loaded, with all it needs)."""
    page.wait_for_load_state("networkidle")
    sent = []
    page.on("request", lambda request: sent.append(f"{request.method} {request.url}"))
    return sent


def assert_printed_without_site_chrome(page, screenshot):
    page.emulate_media(media="print")
    page.screenshot(path=screenshot, full_page=True)
    for chrome in (".site-nav", ".site-search", ".breadcrumbs", ".site-footer"):
        assert page.locator(chrome).is_hidden(), f"{chrome} is not printed"
    for button in page.locator("main button").all():
        assert button.is_hidden(), "buttons are not printed"
    with Image.open(screenshot) as image:
        colours = {image.getpixel((x, 5))[:3] for x in range(0, image.width, 40)}
        assert colours == {(255, 255, 255)}, "the top of the printed page is plain paper"


# --- Compare the treatments -----------------------------------------------------------------


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_comparison_table_reads_on_a_phone_and_a_desktop(page, live_server, viewport):
    site = build_portal_site()
    width = VIEWPORTS[viewport]["width"]
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto(live_server.url + site.comparison.url)
    region = page.get_by_role("region", name="Relapse treatments side by side")
    table = page.get_by_role("table", name="Relapse treatments side by side")

    assert page.evaluate("document.documentElement.scrollWidth") <= width, "the page stays put"
    expect(region).to_be_visible()
    expect(table.get_by_role("columnheader", name="Plasma exchange")).to_be_visible()
    serious = table.get_by_role("row", name=re.compile("^Serious side effects"))
    expect(serious.get_by_role("cell").first).to_contain_text("Kidney failure")
    expect(serious.get_by_role("cell").last).to_have_text("Not stated")

    overflow = region.evaluate("region => region.scrollWidth - region.clientWidth")
    if viewport == "phone":
        # Only the table scrolls, by keyboard too, and the row headers stay in view.
        assert overflow > 0
        hint = page.get_by_text("Scroll it sideways to see every treatment.")
        expect(hint).to_be_visible()
        region.focus()
        page.keyboard.press("ArrowRight")
        expect(region).to_be_focused()
        page.wait_for_function("region => region.scrollLeft > 0", arg=region.element_handle())
        header = table.get_by_role("rowheader", name="Schedule")
        assert header.bounding_box()["x"] >= 0
        expect(page.locator(".comparison__caption")).to_be_in_viewport(ratio=1)
    else:
        assert overflow <= 0, "on a desktop the whole table is in view"
        expect(page.get_by_text("Scroll it sideways")).to_be_hidden()


def test_the_comparison_prints_on_one_or_two_pages(page, live_server, tmp_path):
    site = build_portal_site()
    page.goto(live_server.url + site.comparison.url)

    assert_printed_without_site_chrome(page, tmp_path / "comparison-print.png")

    expect(page.locator("table")).to_be_visible()
    assert (
        page.locator(".comparison tbody th").first.evaluate("th => getComputedStyle(th).position")
        == "static"
    )
    assert 1 <= printed_pages(page) <= 2


# --- My relapse treatment history -------------------------------------------------------------


def entry_headings(page) -> list[str]:
    return page.locator(".relapse-entry h2").all_inner_texts()


def test_a_keyboard_user_adds_and_removes_relapses_and_focus_follows(page, live_server):
    site = build_portal_site()
    page.goto(live_server.url + site.treatment_history.url)
    status = page.locator("[data-worksheet-status]")
    assert entry_headings(page) == ["Relapse 1", "Relapse 2", "Relapse 3"]

    page.get_by_role("button", name="Add another relapse").focus()
    page.keyboard.press("Enter")

    assert entry_headings(page) == ["Relapse 1", "Relapse 2", "Relapse 3", "Relapse 4"]
    new_when = page.locator(".relapse-entry").nth(3).get_by_label("When did it happen?")
    expect(new_when).to_be_focused()
    expect(new_when).to_have_value("")
    expect(status).to_have_text("Relapse 4 added.")
    page.keyboard.type("May 2025")

    page.get_by_role("button", name="Remove relapse 2").focus()
    page.keyboard.press("Space")

    assert entry_headings(page) == ["Relapse 1", "Relapse 2", "Relapse 3"]
    expect(page.get_by_role("heading", name="Relapse 1")).to_be_focused()
    expect(status).to_have_text("Relapse 2 removed. 3 left.")
    expect(page.locator(".relapse-entry").last.get_by_label("When did it happen?")).to_have_value(
        "May 2025"
    )
    ids = page.evaluate("[...document.querySelectorAll('[id]')].map(element => element.id)")
    assert len(ids) == len(set(ids)), "every entry keeps its own ids"
    assert axe_violations(page) == []


def test_removing_a_filled_in_relapse_asks_first(page, live_server):
    site = build_portal_site()
    page.goto(live_server.url + site.treatment_history.url)
    first = page.locator(".relapse-entry").first
    first.get_by_label("How did the treatment go?").fill("Slowly.")
    questions = []
    page.on("dialog", lambda dialog: (questions.append(dialog.message), dialog.dismiss()))

    first.get_by_role("button", name="Remove relapse 1").click()

    assert questions == ["Remove relapse 1 and what you wrote in it?"]
    assert len(entry_headings(page)) == 3, "kept: the patient said no"


def test_the_last_relapse_cannot_be_removed(page, live_server):
    site = build_portal_site()
    page.goto(live_server.url + site.treatment_history.url)

    for _ in range(2):
        page.get_by_role("button", name=re.compile("^Remove relapse")).first.click()

    assert entry_headings(page) == ["Relapse 1"]
    expect(page.get_by_role("button", name=re.compile("^Remove"))).to_have_count(0)


def test_the_filled_in_worksheet_prints_with_every_answer_on_two_pages_at_most(
    page, live_server, tmp_path
):
    site = build_portal_site()
    page.goto(live_server.url + site.treatment_history.url)
    entry = page.locator(".relapse-entry").first
    entry.get_by_label("When did it happen?").fill("March 2024")
    entry.get_by_label("Which treatment did you have?").select_option("Plasma exchange")
    entry.get_by_label("How did the treatment go?").fill(LONG_ANSWER)
    entry.get_by_role("group", name="Did you recover fully?").get_by_label("No", exact=True).check()

    assert_printed_without_site_chrome(page, tmp_path / "history-print.png")

    expect(page.locator(".privacy-note")).to_be_hidden()
    for field in (
        entry.get_by_label("When did it happen?"),
        entry.get_by_label("Which treatment did you have?"),
        entry.get_by_role("group", name="Did you recover fully?").get_by_label("No", exact=True),
    ):
        expect(field).to_be_visible()
    answer = entry.get_by_label("How did the treatment go?")
    assert answer.evaluate("box => box.scrollHeight <= box.clientHeight + 1"), (
        "the whole answer is printed, not cut off"
    )
    expect(entry.get_by_label("Which treatment did you have?")).to_have_value("Plasma exchange")
    assert 1 <= printed_pages(page) <= 2


def asks_before_leaving(page) -> bool:
    """Whether the page's beforeunload handler asks the browser to warn the reader."""
    return page.evaluate(
        "() => { const leaving = new Event('beforeunload', {cancelable: true});"
        " dispatchEvent(leaving); return leaving.defaultPrevented; }"
    )


def test_leaving_warns_only_when_something_is_filled_in(page, live_server):
    site = build_portal_site()
    page.goto(live_server.url + site.treatment_history.url)

    page.get_by_label("When did it happen?").first.click()  # the page has been used
    unfilled = asks_before_leaving(page)
    page.keyboard.type("June 2023")
    filled = asks_before_leaving(page)

    assert (unfilled, filled) == (False, True)
    with page.expect_event("dialog") as warning:
        page.close(run_before_unload=True)
    assert warning.value.type == "beforeunload", "the browser asks before typed answers are lost"
    warning.value.dismiss()


def test_without_javascript_the_blank_worksheet_can_be_filled_in(
    page_without_javascript, live_server
):
    site = build_portal_site()
    tab = page_without_javascript
    tab.goto(live_server.url + site.treatment_history.url)

    assert entry_headings(tab) == ["Relapse 1", "Relapse 2", "Relapse 3"]
    expect(tab.locator("main button:visible")).to_have_count(0)
    tab.get_by_label("When did it happen?").nth(2).fill("Last winter")
    expect(tab.get_by_label("When did it happen?").nth(2)).to_have_value("Last winter")


# --- Questions to ask your healthcare provider -------------------------------------------------


def test_choosing_treatments_shows_and_prints_only_their_questions(page, live_server, tmp_path):
    site = build_portal_site()
    page.goto(live_server.url + site.questions_guide.url)
    ivig_questions = page.get_by_role("heading", name=f"Questions about {site.treatment.title}")
    plasma_questions = page.get_by_role("heading", name="Questions about Plasma exchange")
    status = page.locator("[data-guide-status]")
    expect(page.get_by_text("How soon should I start treatment?")).to_be_visible()
    expect(ivig_questions).to_be_hidden()
    expect(plasma_questions).to_be_hidden()

    page.get_by_role("checkbox", name="Plasma exchange").check()
    expect(plasma_questions).to_be_visible()
    expect(status).to_have_text("Showing questions about Plasma exchange.")
    page.get_by_role("checkbox", name=site.treatment.title).check()
    page.get_by_role("checkbox", name="Plasma exchange").uncheck()

    expect(ivig_questions).to_be_visible()
    expect(plasma_questions).to_be_hidden()
    expect(status).to_have_text(f"Showing questions about {site.treatment.title}.")
    assert_printed_without_site_chrome(page, tmp_path / "questions-print.png")
    expect(page.get_by_role("group", name="Which treatments are you talking about?")).to_be_hidden()
    expect(ivig_questions).to_be_visible()
    expect(plasma_questions).to_be_hidden()
    question = page.get_by_text("Why do you suggest it for me?")
    room = question.evaluate("item => parseFloat(getComputedStyle(item, '::after').height)")
    assert room >= 40, "room to write the answer"
    assert 1 <= printed_pages(page) <= 2


def test_a_keyboard_user_chooses_treatments_with_the_space_bar(page, live_server):
    site = build_portal_site()
    page.set_viewport_size(VIEWPORTS["phone"])
    page.goto(live_server.url + site.questions_guide.url)

    page.get_by_role("checkbox", name="Plasma exchange").focus()
    page.keyboard.press("Space")

    expect(page.get_by_text("How many sessions will I need?")).to_be_visible()
    page.keyboard.press("Space")
    expect(page.get_by_text("How many sessions will I need?")).to_be_hidden()
    expect(page.get_by_text("You have not chosen a treatment yet.")).to_be_visible()
    assert axe_violations(page) == []


def test_without_javascript_every_treatments_questions_are_shown(
    page_without_javascript, live_server
):
    site = build_portal_site()
    tab = page_without_javascript
    tab.goto(live_server.url + site.questions_guide.url)

    expect(tab.get_by_text("How many sessions will I need?")).to_be_visible()
    expect(tab.get_by_text("Why do you suggest it for me?")).to_be_visible()
    expect(tab.get_by_role("group", name="Which treatments are you talking about?")).to_be_hidden()
    expect(tab.get_by_text("You have not chosen a treatment yet.")).to_be_hidden()


# --- Nothing is sent ------------------------------------------------------------------------


def test_using_the_tools_sends_no_request(page, live_server):
    site = build_portal_site()

    page.goto(live_server.url + site.treatment_history.url)
    sent = record_requests(page)
    page.get_by_role("button", name="Add another relapse").click()
    entry = page.locator(".relapse-entry").last
    entry.get_by_label("When did it happen?").fill("April 2025")
    entry.get_by_label("Which treatment did you have?").select_option("Other")
    entry.get_by_label("If other, what was it?").fill("Something else")
    entry.get_by_label("Did you have any side effects? Which ones?").fill("Headache")
    entry.get_by_role("group", name="Did your symptoms go away?").get_by_label("Partly").check()
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Remove relapse 1").click()
    page.emulate_media(media="print")
    page.emulate_media(media="screen")
    assert sent == [], "the worksheet sent a request"

    page.goto(live_server.url + site.questions_guide.url)
    sent = record_requests(page)
    page.get_by_role("checkbox", name="Plasma exchange").check()
    page.get_by_role("checkbox", name=site.treatment.title).check()
    page.get_by_role("checkbox", name="Plasma exchange").uncheck()
    page.keyboard.press("Enter")
    page.emulate_media(media="print")
    assert sent == [], "the questions guide sent a request"

    page.emulate_media(media="screen")
    page.goto(live_server.url + site.comparison.url)
    sent = record_requests(page)
    page.get_by_role("region", name="Relapse treatments side by side").focus()
    page.keyboard.press("ArrowRight")
    page.emulate_media(media="print")
    assert sent == [], "the comparison sent a request"
