"""Marking glossary terms in rendered HTML (glossary.marking): no database needed."""

import random
import re
from html.parser import HTMLParser

import pytest
from django.utils.safestring import mark_safe

from glossary.marking import GlossaryMarker, Term

CORTICOSTEROID = Term(
    name="corticosteroid",
    url="/glossary/corticosteroid/",
    definition="A hormone that lessens inflammation and lowers the immune response.",
    other_names=("steroid", "steroids"),
)
IMMUNOGLOBULIN_G = Term(
    name="immunoglobulin G",
    url="/glossary/immunoglobulin-g/",
    definition="Antibodies collected from donated blood.",
    other_names=("IVIG",),
)
IMMUNOGLOBULIN = Term("immunoglobulin", "/glossary/immunoglobulin/", "A protein in the blood.")
IMMUNE_RESPONSE = Term("immune response", "/glossary/immune-response/", "How the body reacts.")
RESPONSE = Term("response", "/glossary/response/", "How well a treatment works.")
RELAPSE = Term("relapse", "/glossary/relapse/", "New or worse symptoms for more than a day.")
LHERMITTE = Term("Lhermitte's sign", "/glossary/lhermitte/", "A buzzing feeling down the back.")

TERMS = [CORTICOSTEROID, IMMUNOGLOBULIN_G, IMMUNOGLOBULIN, IMMUNE_RESPONSE, RESPONSE, RELAPSE]

# One marked use, as produced by the marker (see test_the_markup_of_a_marked_use).
MARKED_USE = re.compile(
    r'<span class="glossary-term"><a class="glossary-term__link" href="(?P<href>[^"]*)" '
    r'aria-describedby="glossary-def-(?P<id>\d+)">(?P<text>.*?)</a>'
    r'<span class="glossary-term__definition" id="glossary-def-(?P=id)" role="tooltip">'
    r"(?P<definition>[^<]*)</span></span>",
    re.DOTALL,
)


def mark(html, terms=TERMS):
    return GlossaryMarker(terms).mark(html)


def marked(html):
    """The (term url, text as written) of each marked use, in order."""
    return [(m["href"], m["text"]) for m in MARKED_USE.finditer(html)]


def unmarked(html):
    """The HTML with every marked use replaced by its original text."""
    return MARKED_USE.sub(lambda m: m["text"], html)


class _TextContent(HTMLParser):
    def __init__(self, html):
        super().__init__()
        self.text, self.definitions, self._in_definition = [], [], False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self._in_definition = ("class", "glossary-term__definition") in attrs

    def handle_endtag(self, tag):
        self._in_definition = False

    def handle_data(self, data):
        (self.definitions if self._in_definition else self.text).append(data)


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class _BalanceChecker(HTMLParser):
    def __init__(self, html):
        super().__init__()
        self.open = []
        self.feed(html)
        self.close()
        assert self.open == [], f"unclosed: {self.open}"

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open.pop() == tag, f"unexpected </{tag}>"


# --- First use only -----------------------------------------------------------------------


def test_the_markup_of_a_marked_use():
    html = mark("<p>Take steroids daily.</p>", [CORTICOSTEROID])

    assert html == (
        '<p>Take <span class="glossary-term"><a class="glossary-term__link" '
        'href="/glossary/corticosteroid/" aria-describedby="glossary-def-1">steroids</a>'
        '<span class="glossary-term__definition" id="glossary-def-1" role="tooltip">'
        "A hormone that lessens inflammation and lowers the immune response.</span></span>"
        " daily.</p>"
    )
    assert type(html) is str


def test_only_the_first_use_of_a_term_is_marked():
    html = mark("<p>A relapse is treated. After the relapse, rest.</p><p>Relapse again.</p>")

    assert marked(html) == [("/glossary/relapse/", "relapse")]
    assert html.startswith('<p>A <span class="glossary-term">')
    assert unmarked(html) == (
        "<p>A relapse is treated. After the relapse, rest.</p><p>Relapse again.</p>"
    )


def test_the_marker_remembers_marked_terms_across_fields_of_a_page():
    marker = GlossaryMarker(TERMS)

    first = marker.mark("<p>A relapse can be treated with steroids.</p>")
    second = marker.mark("<p>Each relapse differs; IVIG and steroids are options.</p>")

    assert marked(first) == [
        ("/glossary/relapse/", "relapse"),
        ("/glossary/corticosteroid/", "steroids"),
    ]
    assert marked(second) == [("/glossary/immunoglobulin-g/", "IVIG")]
    assert 'id="glossary-def-3"' in second  # ids keep counting, so they are unique on the page


def test_a_page_read_again_is_marked_exactly_as_the_first_time():
    fields = [
        "<p>A relapse can be treated with steroids.</p>",
        "<p>Each relapse differs; IVIG and steroids are options.</p>",
        "<p>An immune response to IVIG is rare.</p>",
    ]
    fresh = GlossaryMarker(TERMS)
    expected = [fresh.mark(html) for html in fields]

    for _ in range(2):  # the second page view is answered from what the first remembered
        marker = GlossaryMarker(TERMS)
        assert [marker.mark_remembered(html) for html in fields] == expected
        assert marker.marked == fresh.marked

    # Marked from another point (a term already explained above), the same field differs.
    later = GlossaryMarker(TERMS)
    later.mark_remembered("<p>steroids</p>")
    assert marked(later.mark_remembered(fields[0])) == [("/glossary/relapse/", "relapse")]


def test_a_field_without_unmarked_terms_is_returned_unchanged():
    marker = GlossaryMarker([RELAPSE])
    marker.mark("<p>relapse</p>")

    assert marker.mark("<p>relapse</p>") == "<p>relapse</p>"
    assert GlossaryMarker([]).mark("<p>relapse</p>") == "<p>relapse</p>"


# --- Names and matching ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("IVIG", ("/glossary/immunoglobulin-g/", "IVIG")),
        ("steroids", ("/glossary/corticosteroid/", "steroids")),
        ("steroid", ("/glossary/corticosteroid/", "steroid")),
        ("corticosteroid", ("/glossary/corticosteroid/", "corticosteroid")),
    ],
)
def test_other_names_and_abbreviations_mark_their_term(text, expected):
    assert marked(mark(f"<p>Given {text} today.</p>")) == [expected]


def test_using_a_term_by_one_name_counts_as_its_first_use_for_all_names():
    html = mark("<p>Steroids, also called corticosteroids, or a steroid.</p>")

    assert marked(html) == [("/glossary/corticosteroid/", "Steroids")]


def test_matching_ignores_case_and_keeps_the_text_as_written():
    html = mark("<p>RELAPSE, Immunoglobulin g and ivig.</p>")

    assert marked(html) == [
        ("/glossary/relapse/", "RELAPSE"),
        ("/glossary/immunoglobulin-g/", "Immunoglobulin g"),
    ]


@pytest.mark.parametrize("text", ["relapses", "prelapse", "relapsed", "relapse_x", "relapse2"])
def test_only_whole_words_match(text):
    assert marked(mark(f"<p>{text}</p>", [RELAPSE])) == []


def test_a_listed_other_name_matches_as_its_own_word():
    term = Term("relapse", "/glossary/relapse/", "Definition.", ("relapses",))

    assert marked(mark("<p>Some relapses</p>", [term])) == [("/glossary/relapse/", "relapses")]


def test_punctuation_and_hyphens_are_word_boundaries():
    html = mark('<p>"Relapse-free" years.</p>', [RELAPSE])

    assert marked(html) == [("/glossary/relapse/", "Relapse")]


def test_names_with_digits_hyphens_and_regex_characters_match_literally():
    terms = [
        Term("anti-CD20", "/glossary/anti-cd20/", "A kind of treatment."),
        Term("H.P. Acthar Gel", "/glossary/acthar/", "A brand of ACTH."),
    ]

    assert marked(mark("<p>anti-CD200 or HxPx Acthar Gel</p>", terms)) == []
    assert marked(mark("<p>anti-CD20 or H.P. Acthar Gel.</p>", terms)) == [
        ("/glossary/anti-cd20/", "anti-CD20"),
        ("/glossary/acthar/", "H.P. Acthar Gel"),
    ]


def test_the_longest_name_wins_where_names_overlap():
    html = mark("<p>The immune response to immunoglobulin G.</p>")

    assert marked(html) == [
        ("/glossary/immune-response/", "immune response"),
        ("/glossary/immunoglobulin-g/", "immunoglobulin G"),
    ]


def test_the_shorter_term_is_not_marked_inside_a_later_use_of_the_longer_one():
    html = mark("<p>immunoglobulin G, then immunoglobulin G, then immunoglobulin.</p>")

    assert marked(html) == [
        ("/glossary/immunoglobulin-g/", "immunoglobulin G"),
        ("/glossary/immunoglobulin/", "immunoglobulin"),
    ]
    assert "</span></span>, then immunoglobulin G, then <span" in html


def test_names_match_across_line_breaks_and_non_breaking_spaces():
    assert marked(mark("<p>immune&nbsp;response</p>")) == [
        ("/glossary/immune-response/", "immune&nbsp;response")
    ]
    assert marked(mark("<p>immune\n response</p>")) == [
        ("/glossary/immune-response/", "immune\n response")
    ]


@pytest.mark.parametrize("apostrophe", ["'", "&#39;", "&#x27;", "&rsquo;", "\u2019"])
def test_names_match_text_written_with_entities_or_curly_apostrophes(apostrophe):
    html = mark(f"<p>Lhermitte{apostrophe}s sign</p>", [LHERMITTE])

    assert marked(html) == [("/glossary/lhermitte/", f"Lhermitte{apostrophe}s sign")]


def test_an_empty_name_is_ignored():
    nameless = Term("", "/glossary/nameless/", "Definition.", ("relapse",))
    empty_other_names = Term("relapse", "/glossary/relapse/", "Definition.", ("", "  "))

    assert marked(mark("<p>relapse</p>", [nameless])) == []
    assert marked(mark("<p>relapse</p>", [empty_other_names])) == [
        ("/glossary/relapse/", "relapse")
    ]


def test_the_first_term_with_a_name_wins():
    first = Term("MS", "/glossary/multiple-sclerosis/", "A disease of the nervous system.")
    second = Term("Mass spectrometry", "/glossary/mass-spectrometry/", "A lab test.", ("ms",))

    assert marked(mark("<p>MS</p>", [first, second])) == [("/glossary/multiple-sclerosis/", "MS")]
    assert marked(mark("<p>MS</p>", [second, first])) == [("/glossary/mass-spectrometry/", "MS")]


# --- Where terms are never marked ---------------------------------------------------------


@pytest.mark.parametrize(
    "element",
    [
        "a",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "abbr",
        "code",
        "script",
        "style",
        "textarea",
        "button",
    ],
)
def test_terms_inside_excluded_elements_are_not_marked(element):
    html = f'<{element} class="x">A relapse.</{element}><p>This relapse.</p>'

    result = mark(html, [RELAPSE])

    assert result.startswith(f'<{element} class="x">A relapse.</{element}><p>This <span')
    assert marked(result) == [("/glossary/relapse/", "relapse")]


def test_terms_nested_deeper_inside_a_link_or_heading_are_not_marked():
    html = (
        '<a href="/x"><strong>relapse</strong></a>'
        "<h2>About <em>relapse <b>care</b></em> and relapse</h2>"
    )

    assert mark(html, [RELAPSE]) == html


def test_void_and_self_closing_tags_do_not_confuse_where_marking_is_allowed():
    html = (
        '<a href="/x">see<br/><img src="a.png">relapse</a>'
        '<p>Text<br>more<img src="b.png"/><hr/> relapse</p>'
    )

    result = mark(html, [RELAPSE])

    assert result.startswith('<a href="/x">see<br/><img src="a.png">relapse</a><p>')
    assert marked(result) == [("/glossary/relapse/", "relapse")]


def test_terms_are_not_marked_inside_an_already_marked_term():
    first = mark("<p>The immune response in a relapse.</p>", [IMMUNE_RESPONSE, RELAPSE])
    symptoms = Term("symptoms", "/glossary/symptoms/", "What you notice.")  # in a definition

    again = mark(first, [RESPONSE, RELAPSE, symptoms])

    assert len(marked(first)) == 2
    assert again == first


def test_definitions_are_not_searched_for_other_terms():
    html = mark("<p>Steroids and the immune response.</p>", [CORTICOSTEROID, IMMUNE_RESPONSE])

    # The corticosteroid definition mentions "immune response": the text use is marked instead.
    assert marked(html) == [
        ("/glossary/corticosteroid/", "Steroids"),
        ("/glossary/immune-response/", "immune response"),
    ]


def test_attributes_containing_term_words_are_left_alone():
    html = '<p title="relapse" data-x="immune response"><a href="/relapse">more</a></p>'

    assert mark(html) == html
    assert mark('<p title="relapse">A relapse</p>', [RELAPSE]).startswith(
        '<p title="relapse">A <span class="glossary-term">'
    )


# --- The HTML is preserved ------------------------------------------------------------------


def test_entities_are_preserved():
    html = "<p>Tom &amp; Jerry&rsquo;s relapse &#39;x&#39; &nbsp;&lt;ok&gt; &amp relapse</p>"

    result = mark(html, [RELAPSE])

    assert unmarked(result) == html
    assert marked(result) == [("/glossary/relapse/", "relapse")]


@pytest.mark.parametrize(
    "html",
    [
        "<P CLASS=intro>A relapse</P >",
        "<p\nclass='a'\n>line one\r\nrelapse &amp relapse</p\n>",
        "<!DOCTYPE html><!-- a relapse --><p>relapse</p><?pi relapse?>",
        "<![CDATA[relapse]]><p>relapse</p>",
        "<p>a < b and relapse > c</p>",
        "<ul><li>relapse<li>relapse</ul>",
        '<p><span lang="en">relapse</span> <b>re</b>lapse</p>',
        "</p></a></>relapse</h2>",
        "<p>&# and &#xZZ; and &bogus; relapse &",
    ],
)
def test_the_html_around_marked_terms_is_reproduced_exactly(html):
    result = mark(html, [RELAPSE])

    assert unmarked(result) == html
    assert len(marked(result)) == 1
    assert mark(html, [IMMUNE_RESPONSE]) == html  # nothing to mark: not a byte changes


def test_the_text_content_is_the_input_text_plus_definitions():
    html = (
        "<h2>Treating a relapse</h2><p>Your relapse may be treated with steroids &amp; rest."
        '</p><p><a href="/x">IVIG</a> or <em>IVIG</em> help the immune response.</p>'
    )

    result = mark(html)
    _BalanceChecker(result)
    content = _TextContent(result)

    assert "".join(content.text) == "".join(_TextContent(html).text)
    assert content.definitions == [
        RELAPSE.definition,
        CORTICOSTEROID.definition,
        IMMUNOGLOBULIN_G.definition,
        IMMUNE_RESPONSE.definition,
    ]


# --- Hostile input --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "html",
    [
        "<script>relapse</script>",
        "<script>var s = '<p>relapse</p>';</script>",
        "<style>.relapse { color: red }</style>",
        "<img src=x onerror=\"alert('relapse')\">",
        "<img src=x onerror=alert(1)//relapse>",
        "<!-- relapse -->",
        '<a href="/x">relapse',
        "<script>relapse",
        "<textarea>relapse</p></textarea><a>relapse",
        "<p>&# <a href='/x'>relapse</a>",
        "<a/>relapse",  # browsers ignore "/>" here: this opens a link
    ],
)
def test_hostile_html_is_not_marked_where_it_should_not_be_and_does_not_crash(html):
    assert mark(html) == html


@pytest.mark.parametrize(
    "html",
    [
        "</a>relapse",
        "<p>relapse</h2></span></div>",
        "<h2>title</h2></h2><p>relapse",
        "<b><i>relapse</b></i>",
        "<p>relapse<!-- ",
        "<p>relapse <b",
        "<!--> relapse <!-- x",  # "<!-->" is an empty comment; "<!-- x" runs to the end
        "<div <a>relapse</a>",  # a <div> with an attribute named "<a", so not in a link
    ],
)
def test_stray_unclosed_and_odd_tags_do_not_stop_marking(html):
    result = mark(html, [RELAPSE])

    assert marked(result) == [("/glossary/relapse/", "relapse")]
    assert unmarked(result) == html


def test_html_in_definitions_urls_and_names_is_escaped():
    term = Term(
        name="<script>alert(1)</script>",
        url='/glossary/x/" onmouseover="alert(1)',
        definition=mark_safe("<script>alert('definition')</script> & more"),
    )

    result = mark("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", [term])

    assert "<script" not in result
    assert 'href="/glossary/x/&quot; onmouseover=&quot;alert(1)"' in result
    assert "&lt;script&gt;alert(&#x27;definition&#x27;)&lt;/script&gt; &amp; more" in result
    assert marked(result) == [
        (term.url.replace('"', "&quot;"), "&lt;script&gt;alert(1)&lt;/script&gt;")
    ]


# --- Many terms -------------------------------------------------------------------------------


def test_hundreds_of_terms_on_a_long_document_are_each_marked_once_at_first_use():
    rng = random.Random(8)  # noqa: S311 - a fixed seed makes the document reproducible
    syllables = ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "zi", "pe", "sa", "do", "fu", "gri"]
    words = set()
    while len(words) < 900:
        words.add("".join(rng.choice(syllables) for _ in range(4)) + rng.choice(["ine", "ase"]))
    words = sorted(words)
    terms = []
    for i in range(600):
        if i % 3 == 0:  # a two-word name
            terms.append(Term(f"{words[i]} {words[600 + i // 3]}", f"/g/{i}/", f"Def {i}."))
        else:
            terms.append(Term(words[i], f"/g/{i}/", f"Def {i}.", other_names=(f"XQ{i}",)))

    def a_name(term):
        return rng.choice([term.name, term.name.upper(), *term.other_names])

    # Every term appears first in a heading and a link, then several times in paragraphs.
    parts = [f"<h2>{a_name(term)}</h2><a href='/t'>{a_name(term)}</a>" for term in terms]
    uses = terms * 4
    rng.shuffle(uses)
    for start in range(0, len(uses), 8):
        sentence = " and the ".join(a_name(term) for term in uses[start : start + 8])
        parts.append(f"<p>Some text, {sentence}; more &amp; text.</p>")
    html = "\n".join(parts)

    result = GlossaryMarker(terms).mark(html)

    hrefs = [href for href, _ in marked(result)]
    first_uses = list(dict.fromkeys(term.url for term in uses))  # paragraph order
    assert hrefs == first_uses  # every term once, in order of its first use in text
    assert re.findall(r'aria-describedby="glossary-def-(\d+)"', result) == [
        str(n) for n in range(1, 601)
    ]
    assert unmarked(result) == html
    _BalanceChecker(result)
