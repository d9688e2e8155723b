""" "Was this page helpful?" in Chromium: by keyboard with the thank-you in place, without
JavaScript through the thank-you page, accessible, and no cookie set on the patient."""

import pytest
from playwright.sync_api import expect

from feedback.models import Feedback
from tests.browser.site import build_portal_site
from tests.browser.test_accessibility import VIEWPORTS, axe_violations


def tab_to(page, name, max_tabs=80):
    """Press Tab until the focused control has the accessible name ``name``."""
    for _ in range(max_tabs):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.labels?.[0]?.textContent.trim() || ''") == name:
            return
        if page.evaluate("document.activeElement.textContent.trim()") == name:
            return
    raise AssertionError(f"{name!r} was not reached in {max_tabs} presses of Tab")


def test_a_keyboard_user_answers_and_hears_the_thank_you(page, live_server):
    site = build_portal_site()
    page.goto(live_server.url + site.treatment.url)

    tab_to(page, "Yes")
    page.keyboard.press("ArrowRight")  # radio buttons: the arrows move to "No" and choose it
    tab_to(page, "What could make this page clearer? (optional)")
    page.keyboard.type("The kidney warning is hard to follow.")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Send", "the honeypot is skipped"
    page.keyboard.press("Enter")

    thanks = page.locator(".feedback__thanks")
    expect(thanks).to_have_text(
        "Thank you. Your answer has been sent to the people who write this site."
    )
    expect(thanks).to_be_focused()
    assert page.url.endswith(site.treatment.url), "the reader stays on the page"
    stored = Feedback.objects.get()
    assert (stored.page_id, stored.helpful, stored.comment) == (
        site.treatment.pk,
        False,
        "The kidney warning is hard to follow.",
    )
    assert page.context.cookies() == []


def test_a_refused_answer_says_why_in_place_and_keeps_what_was_typed(page, live_server):
    site = build_portal_site()
    page.goto(live_server.url + site.treatment.url)
    page.get_by_label("Yes").check()
    page.get_by_label("What could make this page clearer? (optional)").fill("Great page.")
    page.locator("#feedback-leave-empty").evaluate("box => box.value = 'spam'")  # a program

    page.get_by_role("button", name="Send").click()

    expect(page.get_by_role("alert")).to_have_text(
        "This form was filled in by a program, so it was not sent."
    )
    expect(page.get_by_label("What could make this page clearer? (optional)")).to_have_value(
        "Great page."
    )
    assert not Feedback.objects.exists()


def test_no_answer_is_sent_until_yes_or_no_is_chosen(page, live_server):
    site = build_portal_site()
    page.goto(live_server.url + site.treatment.url)
    sent = []
    page.on("request", lambda request: sent.append(request.url))

    page.get_by_role("button", name="Send").click()

    assert page.get_by_label("Yes").evaluate("radio => radio.validity.valueMissing")
    assert not [url for url in sent if "/feedback/" in url]


def test_without_javascript_the_reader_lands_on_a_thank_you_and_can_go_back(
    page_without_javascript, live_server
):
    site = build_portal_site()
    tab = page_without_javascript
    tab.goto(live_server.url + site.side_effect.url)

    tab.get_by_label("Yes").check()
    tab.get_by_role("button", name="Send").click()

    tab.wait_for_url("**/feedback/thanks/**")
    expect(tab.locator("h1")).to_have_text("Thank you for your feedback")
    tab.get_by_role("link", name=f"Back to “{site.side_effect.title}”").click()
    tab.wait_for_url(f"**{site.side_effect.url}")
    assert Feedback.objects.get().helpful is True
    assert tab.context.cookies() == []


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_form_and_its_thank_you_are_accessible(page, live_server, viewport):
    site = build_portal_site()
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto(live_server.url + site.glossary_term.url)
    form = page.get_by_role("complementary", name="Was this page helpful?")
    expect(form.get_by_role("group", name="Was this page helpful?")).to_be_visible()
    for control in (form.get_by_label("Yes"), form.get_by_label("No")):
        assert control.evaluate("radio => radio.closest('label').offsetHeight") >= 24
    assert axe_violations(page) == []

    form.get_by_label("No").check()
    form.get_by_role("button", name="Send").click()

    expect(page.locator(".feedback__thanks")).to_be_visible()
    assert axe_violations(page) == []
