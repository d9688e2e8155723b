"""A printed page keeps the content only, says where links lead and explains glossary words."""

from PIL import Image

from tests.browser.site import build_portal_site


def after_content(page, selector: str) -> str:
    return page.eval_on_selector(selector, "link => getComputedStyle(link, '::after').content")


def test_printed_treatment_page_has_no_site_chrome_and_shows_links_and_definitions(
    page, live_server, tmp_path
):
    site = build_portal_site()
    page.goto(live_server.url + site.treatment.url)
    page.emulate_media(media="print")
    screenshot = tmp_path / "treatment-print.png"
    page.screenshot(path=screenshot, full_page=True)

    for chrome in (".site-nav", ".site-search", ".skip-link", ".breadcrumbs", ".site-footer"):
        assert page.locator(chrome).is_hidden(), f"{chrome} is not printed"
    assert page.locator(".contents").is_hidden(), "no in-page contents on paper"
    assert page.locator("h1").is_visible()
    assert page.locator(".safety-warning").is_visible()

    # Where links lead: the full address of site links, external links as they are.
    fda = after_content(page, "a[href='https://www.fda.gov/']")
    assert fda == '" (https://www.fda.gov/)"'
    side_effect_url = live_server.url + site.side_effect_index.get_children().first().url
    assert after_content(page, ".side-effects a") == f'" ({side_effect_url})"'
    assert after_content(page, ".skip-link") == "none"  # in-page links: no address

    # The definition of a glossary word is printed after it, in brackets.
    definition = page.locator(".glossary-term__definition").first
    assert definition.is_visible()
    assert definition.inner_text() == (
        "A hormone that lessens inflammation and lowers the immune response."
    )
    brackets = definition.evaluate(
        "d => [getComputedStyle(d, '::before').content, getComputedStyle(d, '::after').content]"
    )
    assert brackets == ['" ("', '")"']

    # Warnings keep a thick black frame on paper, not just a tint.
    warning = page.locator(".safety-warning").evaluate(
        "box => { const s = getComputedStyle(box);"
        " return [s.borderTopWidth, s.borderTopColor, s.backgroundColor]; }"
    )
    assert float(warning[0].removesuffix("px")) >= 3
    assert warning[1] == "rgb(0, 0, 0)"
    assert warning[2] == "rgba(0, 0, 0, 0)"

    with Image.open(screenshot) as image:
        assert image.width == 1280
        # Only the content: no coloured header bar or footer panel on paper.
        colours = {image.getpixel((x, 5))[:3] for x in range(0, image.width, 40)}
        assert colours == {(255, 255, 255)}, "the top of the printed page is plain paper"
