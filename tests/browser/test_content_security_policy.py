"""No page breaks its Content-Security-Policy in a real browser: Chromium reports every
refused script, style, image or frame in the console."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from review.roles import ADMINISTRATORS
from tests.browser.site import build_portal_site
from tests.factories import UserFactory


def violations_while_opening(page, url) -> list[str]:
    messages = []
    page.on(
        "console",
        lambda message: (
            messages.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return messages


def test_no_patient_page_type_breaks_the_policy(page, live_server):
    site = build_portal_site()
    for name, path in site.public_paths().items():
        assert violations_while_opening(page, live_server.url + path) == [], name


@pytest.fixture
def signed_in_admin(page, live_server):
    user = UserFactory(username="ada", is_superuser=True)
    user.groups.set([Group.objects.get(name=ADMINISTRATORS)])
    page.goto(live_server.url + reverse("wagtailadmin_login"))
    assert violations_while_opening(page, live_server.url + reverse("wagtailadmin_login")) == []
    page.fill("input[name=username]", "ada")
    page.fill("input[name=password]", "correct horse battery")
    page.click("button[type=submit]")
    page.wait_for_url(live_server.url + reverse("wagtailadmin_home"))
    return user


def test_no_admin_screen_breaks_the_admin_policy(page, live_server, signed_in_admin):
    site = build_portal_site()
    screens = {
        "dashboard": reverse("wagtailadmin_home"),
        "page explorer": reverse("wagtailadmin_explore", args=[site.treatment_index.pk]),
        "treatment editor": reverse("wagtailadmin_pages:edit", args=[site.treatment.pk]),
        "glossary term editor": reverse("wagtailadmin_pages:edit", args=[site.glossary_term.pk]),
        "questions guide editor": reverse(
            "wagtailadmin_pages:edit", args=[site.questions_guide.pk]
        ),
        "new treatment": reverse(
            "wagtailadmin_pages:add",
            args=["treatments", "treatmentpage", site.treatment_index.pk],
        ),
        "users": reverse("wagtailusers_users:index"),
        "two-factor set-up": reverse("two_factor_setup"),
        "reviews due": reverse("review_due_report"),
        "patient page with the user bar": site.treatment.url,
    }
    for name, path in screens.items():
        assert violations_while_opening(page, live_server.url + path) == [], name
