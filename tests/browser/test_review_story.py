"""The medical review, walked through the real admin screens in Chromium."""

import re

from django.contrib.auth.models import Group
from playwright.sync_api import expect

from review.roles import REVIEWERS, WRITERS
from tests.factories import TreatmentPageFactory, UserFactory

NEW_SUMMARY = "Plasma exchange is given in several sessions, each 48 hours apart."


def log_in(tab, live_server, username):
    tab.goto(live_server.url + "/admin/login/")
    tab.get_by_label("Username").fill(username)
    tab.get_by_label("Password").fill("correct horse battery")
    tab.get_by_role("button", name="Sign in").click()
    expect(tab.get_by_role("link", name="Dashboard")).to_be_visible()


def log_out(tab):
    tab.context.clear_cookies()


def test_writer_submits_reviewer_approves_patient_reads(page, live_server):
    treatment = TreatmentPageFactory(title="Plasma exchange")
    treatment.save_revision().publish()
    writer = UserFactory(username="wendy", first_name="Wendy", last_name="Writer")
    writer.groups.set([Group.objects.get(name=WRITERS)])
    reviewer = UserFactory(username="riley", first_name="Riley", last_name="Reviewer")
    reviewer.groups.set([Group.objects.get(name=REVIEWERS)])

    # The writer edits the summary and submits the page to Medical review.
    log_in(page, live_server, "wendy")
    page.goto(f"{live_server.url}/admin/pages/{treatment.pk}/edit/")
    page.get_by_role("textbox", name="Summary").fill(NEW_SUMMARY)
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to Medical review").click()
    expect(page.get_by_text("has been submitted for moderation")).to_be_visible()
    log_out(page)

    # Patients still see the reviewed version.
    page.goto(live_server.url + treatment.url)
    expect(page.get_by_text(NEW_SUMMARY)).to_have_count(0)

    # The reviewer finds it awaiting review, opens it and approves it.
    log_in(page, live_server, "riley")
    awaiting = page.locator("section", has=page.get_by_role("heading", name="Awaiting your review"))
    awaiting.get_by_role("link", name="Plasma exchange").click()
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name=re.compile(r"^Approve$")).click()
    expect(page.get_by_text("has been updated")).to_be_visible()
    log_out(page)

    # A patient sees the new text and who reviewed it.
    page.goto(live_server.url + treatment.url)
    expect(page.get_by_text(NEW_SUMMARY)).to_be_visible()
    expect(page.get_by_text("Medically reviewed by Riley Reviewer")).to_be_visible()
