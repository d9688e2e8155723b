"""axe-core (npm package) finds no WCAG 2.2 A/AA problem on any kind of page, phone or desktop."""

from pathlib import Path

import pytest
from django.conf import settings

from tests.browser.site import build_portal_site

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
VIEWPORTS = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1280, "height": 900}}


def axe_violations(page) -> list[dict]:
    if not AXE.exists():
        pytest.fail("axe-core is missing: run npm ci (or make test)")
    # Evaluated through the browser's debugging protocol: a <script> tag added to the page
    # would be inline script, which the pages' Content-Security-Policy refuses.
    page.evaluate(AXE.read_text())
    # Colours are checked at rest: a transition still running (a panel fading in) is measured
    # half-way otherwise. Animations without end (a spinner) are not waited for.
    page.evaluate(
        """() => Promise.all(document.getAnimations()
            .filter(animation => isFinite(animation.effect.getComputedTiming().endTime))
            .map(animation => animation.finished.catch(() => null)))"""
    )
    return page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(results => results.violations)",
        WCAG_TAGS,
    )


def describe(violation: dict) -> str:
    nodes = "\n".join(
        f"      {node['target']}: {node['failureSummary']}".replace("\n", " ")
        for node in violation["nodes"]
    )
    return f"  {violation['id']} ({violation['impact']}): {violation['help']}\n{nodes}"


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_no_page_type_has_an_accessibility_violation(page, live_server, viewport):
    site = build_portal_site()
    page.set_viewport_size(VIEWPORTS[viewport])
    problems = []
    for name, path in site.public_paths().items():
        response = page.goto(live_server.url + path)
        assert response.status == (404 if name == "not found" else 200), name
        # Nothing is wider than the screen: no sideways scrolling on a phone.
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 0:
            problems.append(f"{name} ({path}) scrolls sideways by {overflow}px")
        problems += [f"{name} ({path}):\n{describe(v)}" for v in axe_violations(page)]
    assert problems == [], "\n".join(problems)


def test_treatment_page_reflows_at_320_pixels_without_sideways_scrolling(page, live_server):
    """320 CSS pixels is a 1280px window at 400% zoom (WCAG 1.4.10 Reflow)."""
    site = build_portal_site()
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(live_server.url + site.treatment.url)

    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") >= 18


def test_safety_warning_stands_out_by_word_icon_and_frame_not_colour_alone(page, live_server):
    site = build_portal_site()
    page.goto(live_server.url + site.treatment.url)
    warning = page.locator(".safety-warning")

    heading = warning.get_by_role("heading", level=2)
    assert heading.inner_text().replace("\n", " ") == "WARNING: Risk of kidney problems"
    assert heading.text_content().strip().startswith("Warning:"), "read out as written"
    assert warning.locator("svg").get_attribute("aria-hidden") == "true"
    border = warning.evaluate("box => parseFloat(getComputedStyle(box).borderLeftWidth)")
    assert border >= 8


def test_readers_who_ask_for_less_motion_get_no_smooth_scrolling(page, live_server):
    site = build_portal_site()
    page.emulate_media(reduced_motion="reduce")
    page.goto(live_server.url + site.treatment.url)
    assert page.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == "auto"

    page.emulate_media(reduced_motion="no-preference")
    assert page.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == "smooth"
