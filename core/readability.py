"""How hard a page is to read: its Flesch-Kincaid grade, with glossary terms masked.

Pages aim for a US school grade at or below ``settings.PORTAL_READING_GRADE_TARGET`` (8).
Medical names such as "corticosteroid" cannot be avoided, and the glossary explains each one
where it is used, so every glossary term and other name counts as one short word: the grade
measures the writing around the names. Apps tell it which names are explained with the
``plain_language_names`` Wagtail hook: a function of the page being scored that returns names.
The result also says what to fix: the hardest sentences.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from html import unescape

from django.conf import settings
from django.db import models
from django.utils.html import strip_tags
from textstat.textstat import textstatistics
from wagtail import hooks
from wagtail.blocks import CharBlock, ListBlock, RichTextBlock, StreamBlock, StructBlock, TextBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from core.names import NameFinder

# What a glossary name is scored as: one plain, one-syllable word.
MASK = "term"
HARDEST_SHOWN = 3

# With "en-US" textstat counts syllables with Pyphen's bundled patterns; with "en" it
# downloads a dictionary, which needs the internet.
_textstat = textstatistics()
_textstat.set_lang("en-US")

# Tags that start a new piece of text in rich text: paragraphs, headings, list items, breaks.
_BLOCK_TAG = re.compile(r"</?(?:p|h[1-6]|li|ul|ol|blockquote|div|br|hr)\b[^>]*>", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")
# A full stop, question or exclamation mark, perhaps inside closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*$")


@dataclass(frozen=True)
class Sentence:
    text: str  # as the writer wrote it
    grade: float
    words: int


@dataclass(frozen=True)
class Readability:
    grade: float | None  # Flesch-Kincaid, to one decimal; None for too little text
    target: float
    words: int
    sentences: int
    hardest: tuple[Sentence, ...]  # the few hardest sentences, hardest first

    @property
    def above_target(self) -> bool:
        return self.grade is not None and self.grade > self.target

    @property
    def target_text(self) -> str:
        """The target as writers read it, e.g. "8 or below"."""
        return f"{self.target:g} or below"


def assess(page: Page) -> Readability:
    """The reading grade of ``page`` (a specific page, e.g. the revision being edited)."""
    return assess_text(page_text(page), explained_names(page))


def assess_text(pieces: Iterable[str], names: Iterable[str]) -> Readability:
    """The reading grade of plain-text pieces (paragraphs, headings, list items).

    A piece that does not end a sentence (a heading, a list item) is scored as a sentence of
    its own, as readers take it in, rather than running into the next piece. Text with no
    sentence of three words or more (a page that is only a title like "Nausea") gets no grade:
    the formula says nothing useful about it.
    """
    finder = NameFinder(names)
    written, scored = [], []
    for piece in pieces:
        for sentence in _SENTENCE_BREAK.split(piece):
            written.append(sentence)
            masked = finder.sub(MASK, sentence)
            scored.append(masked if _SENTENCE_END.search(masked) else f"{masked}.")
    text = " ".join(scored)
    # textstat does not count a "sentence" of two words or fewer (a heading, a list item), so
    # neither does the list of hardest sentences.
    sentences = [
        Sentence(text=original, grade=_grade(masked), words=words)
        for original, masked in zip(written, scored, strict=True)
        if (words := _textstat.lexicon_count(masked)) > 2
    ]
    return Readability(
        grade=_grade(text) if sentences else None,
        target=settings.PORTAL_READING_GRADE_TARGET,
        words=_textstat.lexicon_count(text),
        sentences=_textstat.sentence_count(text),
        hardest=tuple(sorted(sentences, key=lambda s: s.grade, reverse=True)[:HARDEST_SHOWN]),
    )


def page_text(page: Page) -> list[str]:
    """What a patient reads on ``page``, one piece per paragraph, heading or list item.

    Every text, rich text and StreamField field the page type adds, in the order they are
    defined. The title is left out: it names a treatment, a side effect or a term as the
    source names it. So are fields from a fixed list of choices. Writers cannot reword either.
    """
    pieces = []
    for field in type(page)._meta.concrete_fields:
        if field.model is not Page and _is_prose(field):
            pieces += _field_pieces(field, field.value_from_object(page))
    return pieces


def explained_names(page: Page) -> list[str]:
    """Every name the site explains where it is used, from each ``plain_language_names`` hook."""
    hooks_found = hooks.get_hooks("plain_language_names")
    return [name for names_for in hooks_found for name in names_for(page)]


def _grade(text: str) -> float:
    return round(_textstat.flesch_kincaid_grade(text), 1)


def _is_prose(field: models.Field) -> bool:
    """Whether a field holds words a writer writes (not a slug, an address or a choice)."""
    if not field.editable or field.choices:
        return False
    return isinstance(field, models.TextField | StreamField) or type(field) is models.CharField


def _field_pieces(field: models.Field, value) -> list[str]:
    if isinstance(field, StreamField):
        return _block_pieces(field.stream_block, value)
    if isinstance(field, RichTextField):
        return _html_pieces(value or "")
    return _plain_pieces(value or "")


def _block_pieces(block, value) -> list[str]:
    """The text in a StreamField value, walked by its block definitions."""
    if value is None:
        return []
    if isinstance(block, RichTextBlock):
        return _html_pieces(value.source)
    if isinstance(block, CharBlock | TextBlock):
        return _plain_pieces(value)
    if isinstance(block, StructBlock):
        return [
            piece
            for name, child in block.child_blocks.items()
            for piece in _block_pieces(child, value.get(name))
        ]
    if isinstance(block, ListBlock):
        return [piece for item in value for piece in _block_pieces(block.child_block, item)]
    if isinstance(block, StreamBlock):
        return [piece for child in value for piece in _block_pieces(child.block, child.value)]
    return []


def _html_pieces(html: str) -> list[str]:
    return _plain_pieces(unescape(strip_tags(_BLOCK_TAG.sub("\n", html))))


def _plain_pieces(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]
