"""Security headers: a strict Content-Security-Policy on patient pages, the admin's own, and a
Permissions-Policy everywhere. The browser tests check that no page breaks the policy."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from tests.browser.site import build_portal_site

pytestmark = pytest.mark.django_db

PATIENT_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'self'"
)


def csp_of(response) -> dict[str, str]:
    directives = response["Content-Security-Policy"].split("; ")
    return dict(directive.split(" ", 1) for directive in directives)


@pytest.fixture
def site():
    return build_portal_site()


def test_every_patient_page_has_the_strict_policy_and_no_inline_script_or_style(client, site):
    for name, path in site.public_paths().items():
        response = client.get(path)
        assert response.status_code in {200, 404}, name  # "not found" is a page too
        assert response["Content-Security-Policy"] == PATIENT_CSP, name
        assert "camera=()" in response["Permissions-Policy"], name
        soup = BeautifulSoup(response.content, "html.parser")
        inline_scripts = [
            script
            for script in soup.find_all("script")
            if not script.get("src") and script.get("type") != "application/ld+json"
        ]
        assert inline_scripts == [], name
        assert soup.find("style") is None, name
        assert soup.find(style=True) is None, name
        assert not any(attr.startswith("on") for tag in soup.find_all() for attr in tag.attrs)


@pytest.mark.parametrize("path", ["/no-such-page/", "/search/?query=steroids"])
def test_error_and_search_pages_have_the_strict_policy(client, site, path):
    assert Client().get(path)["Content-Security-Policy"] == PATIENT_CSP


def test_patient_pages_need_no_nonce_so_a_cached_page_stays_valid(client, site):
    first = client.get(site.treatment.url)
    second = client.get(site.treatment.url)
    assert "nonce" not in first["Content-Security-Policy"]
    assert first.content == second.content


def test_the_admin_has_its_own_policy_as_strict_as_wagtail_allows(client, site_admin):
    client.force_login(site_admin)
    response = client.get(reverse("wagtailadmin_home"))
    csp = csp_of(response)
    assert csp["default-src"] == "'self'"
    assert csp["object-src"] == "'none'"
    assert csp["frame-ancestors"] == "'self'"
    assert csp["script-src"] == "'self' 'unsafe-inline'"  # Wagtail's widgets write inline JS
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.parametrize("path", ["/admin/login/", "/admin/bulk/wagtailcore/page/delete/?id=1"])
def test_admin_pages_outside_the_page_tree_have_the_admin_policy(client, site_admin, path):
    client.force_login(site_admin)
    assert "'unsafe-inline'" in client.get(path)["Content-Security-Policy"]
