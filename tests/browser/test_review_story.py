"""The medical review, walked through the real admin screens in Chromium."""

import re
import threading

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect
from wagtail.models import Page

from review.page_views import ReviewEditView
from review.roles import REVIEWERS, WRITERS
from tests.browser.site import build_portal_site
from tests.browser.test_accessibility import axe_violations, describe
from tests.factories import PASSWORD, TreatmentPageFactory, UserFactory

NEW_SUMMARY = "Plasma exchange is given in several sessions, each 48 hours apart."


@pytest.fixture(autouse=True)
def patient_expectations():
    """Each step submits a form and loads the next screen; on a busy machine that can take
    longer than Playwright's usual five seconds."""
    expect.set_options(timeout=20_000)
    yield
    expect.set_options(timeout=5_000)


def log_in(tab, live_server, username):
    tab.context.clear_cookies()
    tab.goto(live_server.url + "/admin/login/")
    tab.get_by_label("Username").fill(username)
    tab.get_by_label("Password").fill(PASSWORD)
    tab.get_by_role("button", name="Sign in").click()
    expect(tab.get_by_role("link", name="Dashboard")).to_be_visible()


@pytest.fixture
def treatment(transactional_db):
    page = TreatmentPageFactory(title="Plasma exchange")
    page.save_revision().publish()
    for username, first_name, last_name, group in [
        ("wendy", "Wendy", "Writer", WRITERS),
        ("riley", "Riley", "Reviewer", REVIEWERS),
    ]:
        user = UserFactory(username=username, first_name=first_name, last_name=last_name)
        user.groups.set([Group.objects.get(name=group)])
    return page


CHANGE_NOTE = "Updated the summary"


def submit_new_summary(page, live_server, treatment, summary=NEW_SUMMARY):
    page.goto(f"{live_server.url}/admin/pages/{treatment.pk}/edit/")
    page.get_by_role("textbox", name="Summary").fill(summary)
    page.get_by_role("textbox", name="What changed, for patients").fill(CHANGE_NOTE)
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to Medical review").click()
    # The writer reads that it went, before signing out: leaving earlier would cancel it.
    submitted = f"“{treatment.title}” was submitted for medical review."
    expect(page.get_by_text(submitted)).to_be_visible()


def approve_in_the_editor(page, live_server, treatment):
    """The reviewer finds the page awaiting review on the dashboard, opens it and approves it,
    signing with their password on the review screen."""
    page.goto(live_server.url + "/admin/")
    awaiting = page.locator("section", has=page.get_by_role("heading", name="Awaiting your review"))
    awaiting.get_by_role("link", name="Plasma exchange").click()
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Approve and publish").click()
    screen = page.get_by_role("dialog")
    expect(
        screen.get_by_text(re.compile("Version under review: saved by Wendy Writer at"))
    ).to_be_visible()
    expect(screen.get_by_text(f"The writer's note for patients on this change: “{CHANGE_NOTE}”"))
    screen.get_by_label("I checked each statement against the sources it cites").check()
    screen.get_by_label("Your password").fill(PASSWORD)
    screen.get_by_role("button", name="Approve and publish").click()


def test_writer_submits_reviewer_approves_patient_reads(page, live_server, treatment):
    # The writer edits the summary and submits the page to Medical review.
    log_in(page, live_server, "wendy")
    submit_new_summary(page, live_server, treatment)

    # Patients still see the reviewed version.
    page.context.clear_cookies()
    page.goto(live_server.url + treatment.url)
    expect(page.get_by_text(NEW_SUMMARY)).to_have_count(0)

    # The reviewer approves it and is told what patients now read.
    log_in(page, live_server, "riley")
    approve_in_the_editor(page, live_server, treatment)
    expect(page.get_by_text("“Plasma exchange” was approved and published")).to_be_visible()

    # A patient sees the new text and who reviewed it.
    page.context.clear_cookies()
    page.goto(live_server.url + treatment.url)
    expect(page.get_by_text(NEW_SUMMARY)).to_be_visible()
    expect(page.get_by_text("Medically reviewed by Riley Reviewer")).to_be_visible()
    # And, on asking, what changed.
    page.get_by_text("See all updates").click()
    expect(page.get_by_role("listitem").filter(has_text=CHANGE_NOTE)).to_be_visible()


def test_an_autosave_racing_the_submission_does_not_stop_the_approval(
    page, live_server, treatment, monkeypatch
):
    """The writer submits about half a second after typing, while the editor's autosave of the
    same text is on its way: the server stores that autosave just after the submitted version
    (held here until the submission is done, so the race happens every time)."""
    submitted = threading.Event()
    autosave_saved = threading.Event()
    save_action = ReviewEditView.save_action

    def autosave_that_arrives_late(view):
        if view.expects_json_response:
            submitted.wait(timeout=30)
            response = save_action(view)
            autosave_saved.set()
            return response
        return save_action(view)

    monkeypatch.setattr(ReviewEditView, "save_action", autosave_that_arrives_late)

    log_in(page, live_server, "wendy")
    # Two seconds after its form controller (re)connects, the editor notes the form as it is and
    # watches for edits from there (autosaving them); a person types after that.
    page.add_init_script(
        """
        window.connected = window.watching = 0;
        document.addEventListener('w-unsaved:ready', () => { window.connected += 1; });
        document.addEventListener('w-unsaved:watch-edits', () => { window.watching += 1; });
        """
    )
    page.goto(f"{live_server.url}/admin/pages/{treatment.pk}/edit/")
    page.wait_for_function("() => window.connected > 0 && window.watching >= window.connected")
    autosave = page.expect_request(
        lambda r: r.method == "POST" and "/edit/" in r.url and "json" in r.headers.get("accept", "")
    )
    with autosave:  # half a second after typing, the autosave goes out
        page.get_by_role("textbox", name="Summary").fill(NEW_SUMMARY)
        page.get_by_role("textbox", name="What changed, for patients").fill(CHANGE_NOTE)
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to Medical review").click()
    expect(page.get_by_text("“Plasma exchange” was submitted for medical review.")).to_be_visible()
    submitted.set()
    assert autosave_saved.wait(timeout=30)

    # The race happened: an identical revision was saved after the submitted one.
    [submitted_revision, autosaved] = list(
        Page.objects.get(pk=treatment.pk).revisions.order_by("-pk")[:2]
    )[::-1]
    assert autosaved.pk > submitted_revision.pk
    assert autosaved.content["summary"] == submitted_revision.content["summary"] == NEW_SUMMARY

    log_in(page, live_server, "riley")
    approve_in_the_editor(page, live_server, treatment)
    expect(page.get_by_text("“Plasma exchange” was approved and published")).to_be_visible()

    live = Page.objects.get(pk=treatment.pk)
    assert live.live_revision_id == submitted_revision.pk  # exactly what was reviewed
    page.context.clear_cookies()
    page.goto(live_server.url + treatment.url)
    expect(page.get_by_text(NEW_SUMMARY)).to_be_visible()
    expect(page.get_by_text("Medically reviewed by Riley Reviewer")).to_be_visible()


def test_sent_back_from_the_dashboard_the_writer_reads_why_without_opening_anything(
    page, live_server, treatment
):
    log_in(page, live_server, "wendy")
    submit_new_summary(page, live_server, treatment)
    expect(page.get_by_text("“Plasma exchange” was submitted for medical review.")).to_be_visible()

    log_in(page, live_server, "riley")
    awaiting = page.locator("section", has=page.get_by_role("heading", name="Awaiting your review"))
    awaiting.get_by_role("button", name="Actions").click()
    awaiting.get_by_role("button", name="Send back for changes").click()
    screen = page.get_by_role("dialog")
    screen.get_by_label("What needs to change").fill("Say how long each session lasts.")
    screen.get_by_role("button", name="Send back for changes").click()
    expect(page.get_by_text("“Plasma exchange” was sent back for changes.")).to_be_visible()

    log_in(page, live_server, "wendy")
    in_review = page.locator("#pages-in-review-section")
    expect(in_review.get_by_text("Sent back for changes")).to_be_visible()
    expect(in_review.get_by_text("Riley Reviewer", exact=False)).to_be_visible()
    expect(in_review.get_by_text("Say how long each session lasts.")).to_be_visible()
    in_review.get_by_role("link", name="Plasma exchange").click()
    expect(
        page.get_by_text(re.compile("Sent back for changes by Riley Reviewer, .*each session"))
    ).to_be_visible()


@pytest.mark.parametrize("role", [WRITERS, REVIEWERS])
def test_the_edit_screen_has_no_accessibility_violation(page, live_server, role):
    site = build_portal_site()
    site.treatment.save_revision().publish()
    user = UserFactory(username="someone")
    user.groups.set([Group.objects.get(name=role)])
    if role == REVIEWERS:
        author = UserFactory(username="author")
        author.groups.set([Group.objects.get(name=WRITERS)])
        site.treatment.save_revision(user=author)
        site.treatment.get_workflow().start(site.treatment, author)

    log_in(page, live_server, "someone")
    page.goto(f"{live_server.url}/admin/pages/{site.treatment.pk}/edit/")
    expect(page.locator("[role=textbox][contenteditable=true]").first).to_be_visible()
    problems = [describe(v) for v in axe_violations(page)]
    if role == REVIEWERS:  # and the review screen, where they sign
        page.get_by_role("button", name="More actions").click()
        page.get_by_role("button", name="Approve and publish").click()
        expect(page.get_by_role("dialog").get_by_label("Your password")).to_be_visible()
        problems += [describe(v) for v in axe_violations(page)]
    assert problems == [], "\n".join(problems)
