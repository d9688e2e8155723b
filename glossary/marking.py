"""Mark the first use of each glossary term in rendered HTML.

Pure functions over strings: no database access, stored content is never changed. A template
tag creates one ``GlossaryMarker`` per page render and passes each rendered rich-text field
through ``mark()`` in page order, so each term is explained once, at its first use on the page.

The HTML is split with the standard library's ``HTMLParser`` into source slices. Every slice
that is not plain text (tags, comments, odd markup) is copied through byte for byte; only text
is searched, and the only change ever made is to wrap a matched word in the balanced markup
built by ``_markup()``.
"""

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from html import unescape
from html.parser import HTMLParser
from itertools import pairwise

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from core.names import NameFinder, name_key

# Text inside these elements is never marked: links can't be nested, headings and code stay
# as written, and the content of the rest is not ordinary readable text.
SKIP_TAGS = frozenset(
    {"a", "abbr", "button", "code", "script", "style", "textarea"}
    | {"h1", "h2", "h3", "h4", "h5", "h6"}
)
# The class of the outer element of a marked term (see ``_markup``); text inside it is not
# marked again.
TERM_CLASS = "glossary-term"


@dataclass(frozen=True)
class Term:
    name: str  # the term's title, e.g. "corticosteroid"
    url: str  # the term page's URL, e.g. "/glossary/corticosteroid/"
    definition: str  # plain-text definition
    other_names: tuple[str, ...] = ()  # e.g. ("steroid", "steroids")
    page_id: int | None = None  # the term's page, if it has one


class _Glossary:
    """The terms indexed by each name, and a finder for every name: the same for every page
    marked with the same terms, so it is built once for them."""

    def __init__(self, terms: tuple[Term, ...]):
        self.terms: list[Term] = []
        self.term_by_key: dict[str, int] = {}  # normalised name -> index in self.terms
        names: list[str] = []  # the names matched: the first with each normalised form
        for term in terms:
            if not term.name.strip():
                continue
            index = len(self.terms)
            self.terms.append(term)
            for name in (term.name, *term.other_names):
                key = name_key(name)
                if key and key not in self.term_by_key:  # the first term with a name wins
                    self.term_by_key[key] = index
                    names.append(name)
        self.finder = NameFinder(names)

    @staticmethod
    @lru_cache(maxsize=8)
    def of(terms: tuple[Term, ...]) -> "_Glossary":
        return _Glossary(terms)


class GlossaryMarker:
    """Marks the first use of each term, remembering across ``mark()`` calls what it marked."""

    def __init__(self, terms: Iterable[Term]):
        self._glossary = _Glossary.of(tuple(terms))
        self._terms = self._glossary.terms
        self._term_by_key = self._glossary.term_by_key
        self._unmarked = set(self._term_by_key.values())  # indexes of terms not yet marked
        self._count = 0  # terms marked so far, numbering the definitions' ids
        self.marked: list[Term] = []  # the terms explained so far, in order

    def mark_remembered(self, html: str) -> str:
        """``mark()``, remembering the answer: the same HTML marked with the same glossary from
        the same point (the same terms marked before it) is marked the same way, so a page read
        again is not parsed again. Parsing is most of the cost of a page view."""
        if not self._unmarked:
            return html
        output, unmarked, count, marked = _marked_from(
            self._glossary, frozenset(self._unmarked), self._count, html
        )
        self._unmarked, self._count = set(unmarked), count
        self.marked += marked
        return output

    def mark(self, html: str) -> str:
        """Return ``html`` with the first use of each term not yet marked wrapped in markup."""
        if not self._unmarked:
            return html
        output: list[str] = []
        run: list[tuple[str, str, bool]] = []  # adjacent text pieces: (source, text, splittable)
        context = _Context()
        for kind, source, value in _tokenize(html):
            if kind in ("text", "ref"):
                run.append((source, value, kind == "text"))
            else:
                output += [self._mark_text(run, skip=context.skipping), source]
                run = []
                context.update(kind, value)
        output.append(self._mark_text(run, skip=context.skipping))
        return "".join(output)  # join() always returns a plain str

    def _mark_text(self, run: list[tuple[str, str, bool]], *, skip: bool) -> str:
        """Mark terms in a run of adjacent text pieces, matching across entities like &rsquo;."""
        source = "".join(piece_source for piece_source, _, _ in run)
        if skip or not self._unmarked:
            return source
        text = "".join(piece_text for _, piece_text, _ in run)
        # Where each piece starts in ``text`` and in ``source``, with an end marker.
        text_starts, source_starts = [0], [0]
        for piece_source, piece_text, _ in run:
            text_starts.append(text_starts[-1] + len(piece_text))
            source_starts.append(source_starts[-1] + len(piece_source))

        def source_offset(offset: int) -> int | None:
            """Map an offset in ``text`` to ``source``; None if it falls inside an entity."""
            i = bisect_right(text_starts, offset) - 1
            within = offset - text_starts[i]
            if within == 0:
                return source_starts[i]
            return source_starts[i] + within if run[i][2] else None

        output, done = [], 0
        for match in self._glossary.finder.finditer(text):
            index = self._term_by_key.get(name_key(match.group()))
            if index not in self._unmarked:
                continue
            start, end = source_offset(match.start()), source_offset(match.end())
            if start is None or end is None:
                continue
            self._unmarked.remove(index)
            self.marked.append(self._terms[index])
            output += [source[done:start], self._markup(self._terms[index], source[start:end])]
            done = end
        output.append(source[done:])
        return "".join(output)

    def _markup(self, term: Term, source: str) -> str:
        """The markup for one use of a term; ``source`` is the used words, already HTML."""
        self._count += 1
        definition_id = f"glossary-def-{self._count}"
        return format_html(
            '<span class="glossary-term"><a class="glossary-term__link" href="{}" '
            'aria-describedby="{}">{}</a><span class="glossary-term__definition" id="{}" '
            'role="tooltip">{}</span></span>',
            escape(term.url),  # escape() even escapes strings that are marked safe
            definition_id,
            mark_safe(source),  # noqa: S308 - a slice of the trusted input HTML, kept as is
            definition_id,
            escape(term.definition),
        )


@lru_cache(maxsize=512)
def _marked_from(glossary: _Glossary, unmarked: frozenset, count: int, html: str):
    """What ``GlossaryMarker.mark(html)`` returns and leaves behind, for a marker in that state:
    the marked HTML, the terms still unmarked, the count of marks, the terms newly marked."""
    marker = GlossaryMarker(())
    marker._glossary, marker._terms, marker._term_by_key = (
        glossary,
        glossary.terms,
        glossary.term_by_key,
    )
    marker._unmarked, marker._count = set(unmarked), count
    output = marker.mark(html)
    return output, frozenset(marker._unmarked), marker._count, tuple(marker.marked)


class _Context:
    """Whether text at the current point is inside an element where terms aren't marked."""

    def __init__(self):
        self._open = Counter()  # open elements in SKIP_TAGS
        self._spans: list[bool] = []  # open <span>s: is it a marked term?

    @property
    def skipping(self) -> bool:
        return any(self._spans) or any(self._open.values())

    def update(self, kind: str, value) -> None:
        """Follow a "start" or "end" token (other kinds change nothing)."""
        if kind == "start":
            tag, attrs = value
            if tag == "span":
                self._spans.append(TERM_CLASS in (dict(attrs).get("class") or "").split())
            elif tag in SKIP_TAGS:
                self._open[tag] += 1
        elif kind == "end":
            # Stray end tags are ignored; void elements (<br>, <img>) are never counted.
            if value == "span" and self._spans:
                self._spans.pop()
            elif self._open[value]:
                self._open[value] -= 1


class _Tokenizer(HTMLParser):
    """Records each parser event with the offset where its source starts."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=False)
        self.events: list[tuple[int, str, object]] = []
        self._line_starts = [0] + [match.end() for match in re.finditer("\n", html)]
        self.feed(html)
        self.close()

    def _add(self, kind: str, value: object = None) -> None:
        line, column = self.getpos()
        self.events.append((self._line_starts[line - 1] + column, kind, value))

    def handle_starttag(self, tag, attrs):
        self._add("start", (tag, attrs))

    def handle_startendtag(self, tag, attrs):
        # Browsers ignore "/>" on elements that aren't void: <a/> opens a link like <a> does.
        self._add("start", (tag, attrs))

    def handle_endtag(self, tag):
        self._add("end", tag)

    def handle_data(self, data):
        self._add("text", data)

    def handle_entityref(self, name):
        self._add("ref", f"&{name}")

    def handle_charref(self, name):
        self._add("ref", f"&#{name}")

    def handle_comment(self, data):
        self._add("other")

    def handle_decl(self, decl):
        self._add("other")

    def handle_pi(self, data):
        self._add("other")

    def unknown_decl(self, data):
        self._add("other")


def _tokenize(html: str) -> list[tuple[str, str, object]]:
    """Split ``html`` into consecutive ``(kind, source, value)`` slices that join back to it.

    Kinds: "text" (value: the text, equal to the source), "ref" (an entity or character
    reference; value: the text it stands for), "start" (value: tag name and attributes), "end"
    (value: tag name) and "other". Anything the parser reports in an unexpected shape, or
    skips, becomes "other" so it is copied through and never searched.
    """
    events = _Tokenizer(html).events
    slices = [(0, "other", None), *events, (len(html), "other", None)]
    tokens = []
    for (start, kind, value), (end, _, _) in pairwise(slices):
        source = html[start:end]
        if kind == "text" and (source != value or "<" in source):
            kind = "other"  # e.g. a broken tag that the parser passed on as text
        elif kind == "ref":
            if source in (value, f"{value};"):
                value = unescape(f"{value};")
            else:
                kind = "other"
        tokens.append((kind, source, value))
    return tokens
