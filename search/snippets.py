"""The line of matching text shown under each search result, with the query's words marked.

Wagtail's database search backend finds pages but does not highlight, so the snippet is cut
from the page's own searchable text here. Every piece of page text is escaped; the only markup
added is <mark> around a matched word.
"""

import re

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.text import Truncator
from wagtail.search import index

SNIPPET_LENGTH = 240  # characters of page text around the first match
CONTEXT_BEFORE = 80  # of which at most this many come before it
NOT_PAGE_TEXT = {"title", "search_names"}


def searchable_text(page) -> str:
    """The plain text of a page's own searched fields, in declared order.

    As the search index reads them: rich text without its markup, a stream's text. Not the
    title (shown above the snippet) nor the other names patients search for (not page text).
    """
    parts = []
    for field in page.search_fields:
        if type(field) is index.SearchField and field.field_name not in NOT_PAGE_TEXT:
            value = field.get_value(page) or ""
            parts.append(", ".join(value) if isinstance(value, list | tuple) else str(value))
    return " ".join(" ".join(parts).split())


def query_pattern(query: str) -> re.Pattern | None:
    """Words starting with any word of the query ("treat" finds "treatments")."""
    words = sorted({word.casefold() for word in re.findall(r"\w+", query)}, key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\w*", re.IGNORECASE)


def highlighted_snippet(page, query: str) -> SafeString:
    """Text from ``page`` around the first word of ``query``, each query word in <mark>."""
    text = searchable_text(page)
    pattern = query_pattern(query)
    first = pattern.search(text) if pattern else None
    if first is None:
        return format_html("{}", Truncator(text or page.search_snippet).chars(SNIPPET_LENGTH))

    start = max(0, first.start() - CONTEXT_BEFORE)
    if start:  # begin at a word boundary
        space = text.find(" ", start, first.start())
        start = space + 1 if space >= 0 else first.start()
    end = min(len(text), start + SNIPPET_LENGTH)
    if end < len(text):  # end at a word boundary
        space = text.rfind(" ", first.end(), end)
        end = space if space >= 0 else end
    window = text[start:end]

    pieces: list[str | SafeString] = ["… " if start else ""]
    done = 0
    for match in pattern.finditer(window):
        pieces += [window[done : match.start()], format_html("<mark>{}</mark>", match.group())]
        done = match.end()
    pieces += [window[done:], " …" if end < len(text) else ""]
    return format_html_join("", "{}", ((piece,) for piece in pieces))
