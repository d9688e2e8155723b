"""The words the site knows, and what search does with them.

The words are the names of pages: titles, glossary terms' other names and the other names
writers give a page, and each longer word in them (search.models.KnownName). With them, search
corrects a misspelt query, offers "Did you mean ...?" and suggests names as the patient types,
all in PostgreSQL: pg_trgm's trigram similarity, through Django's TrigramSimilarity and
TrigramWordSimilarity. "steriods" and "steroids" share enough three-letter pieces to be close.
"""

import re

from django.contrib.postgres.search import TrigramSimilarity, TrigramWordSimilarity
from django.db.models import Case, IntegerField, Q, Value, When
from django.db.models.functions import Greatest, Length

from core.models import PortalPage
from search.models import KnownName

# A word, with the hyphens and apostrophes inside it ("Solu-Medrol", "body's").
WORD = re.compile(r"\w+(?:[-'\u2019]\w+)*")
MIN_WORD_LENGTH = 4  # shorter words of a name ("and", "of", "IV") are known as whole names only
MIN_CORRECTED_LENGTH = 3  # shorter words of a query are never corrected
MIN_TYPED_LENGTH = 2  # suggestions start from the second letter typed
MIN_FUZZY_TYPED_LENGTH = 5  # and allow for a slip of the finger from the fifth
MAX_CORRECTED_WORDS = 6  # so a long query costs a bounded number of lookups
# Similarity runs from 0 (no three-letter piece in common) to 1. Corrections and "Did you
# mean ...?" take known words at pg_trgm's own threshold (0.3, which its index serves);
# suggestions, made while the word is still being typed, ask for more.
NEAR_ENOUGH_FOR_SUGGESTION = 0.5


def entries(page: PortalPage) -> list[tuple[str, bool]]:
    """(text, is_name) for each name of ``page`` and each longer word in its names."""
    names = dict.fromkeys(name.strip() for name in page.known_names() if name.strip())
    known = {name.casefold() for name in names}
    words = {
        word.casefold()
        for name in names
        for word in WORD.findall(name)
        if len(word) >= MIN_WORD_LENGTH and word.casefold() not in known
    }
    return [(name, True) for name in names] + [(word, False) for word in sorted(words)]


def remember(objects) -> None:
    """Replace the names kept for each portal page among ``objects`` with its current ones."""
    pages = [obj for obj in objects if isinstance(obj, PortalPage)]
    if not pages:
        return
    KnownName.objects.filter(page__in=[page.pk for page in pages]).delete()
    KnownName.objects.bulk_create(
        KnownName(page_id=page.pk, text=text, is_name=is_name)
        for page in pages
        for text, is_name in entries(page)
    )


def known_in(pages):
    """The names and words of ``pages`` (a queryset of the pages search may show)."""
    return KnownName.objects.filter(page__in=pages)


def corrected(query: str, known) -> str:
    """``query`` with each word the site does not know replaced by the nearest word it knows.

    A word that is known, too short, or has nothing near it is kept as it was typed.
    """

    def nearest_word(match: re.Match) -> str:
        word = match.group()
        if len(word) < MIN_CORRECTED_LENGTH:
            return word
        nearest = (
            known.filter(text__trigram_similar=word)
            .annotate(similarity=TrigramSimilarity("text", word))
            .order_by("-similarity", Length("text"), "text")
            .values_list("text", flat=True)
            .first()
        )
        if nearest is None or nearest.casefold() == word.casefold():
            return word
        return nearest

    return WORD.sub(nearest_word, query, count=MAX_CORRECTED_WORDS)


def did_you_mean(query: str, known, limit: int = 3) -> list[str]:
    """Up to ``limit`` names or words the site knows that are nearest to ``query``.

    Near the whole query or near one of its words: for "steroids kidney stones", both
    "steroids" and "kidney" are offered, since each on its own finds pages.
    """
    targets = list(dict.fromkeys([query, *WORD.findall(query)[:MAX_CORRECTED_WORDS]]))
    near_any = Q()
    for target in targets:  # each served by the trigram index
        near_any |= Q(text__trigram_similar=target)
    similarities = [TrigramSimilarity("text", target) for target in targets]
    # Greatest() needs two or more; a query with no words of its own ("***") has one.
    closeness = Greatest(*similarities) if len(similarities) > 1 else similarities[0]
    candidates = (
        known.filter(near_any)
        .exclude(text__iexact=query)
        .annotate(closeness=closeness)
        .order_by("-closeness", "-is_name", Length("text"), "text")
        .values_list("text", flat=True)[: limit * 4]
    )
    return distinct(candidates, limit)


def suggestions(typed: str, known, limit: int = 6) -> list[str]:
    """Names to offer under the search box for what has been typed so far, best first.

    First names that start with it, then names with a word that starts with it, then (from
    the fifth letter) names close to it: a slip of the finger while typing.
    """
    starts = Q(text__istartswith=typed)
    word_starts = Q(text__iregex=r"\m" + re.escape(typed))
    wanted = starts | word_starts
    if len(typed) >= MIN_FUZZY_TYPED_LENGTH:
        wanted |= Q(closeness__gte=NEAR_ENOUGH_FOR_SUGGESTION)
    candidates = (
        known.filter(is_name=True)
        .annotate(
            starts=Case(
                When(starts, then=Value(2)),
                When(word_starts, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            ),
            closeness=TrigramWordSimilarity(typed, "text"),  # how well it matches part of a name
        )
        .filter(wanted)
        .order_by("-starts", "-closeness", Length("text"), "text")
        .values_list("text", flat=True)[: limit * 4]
    )
    return distinct(candidates, limit)


def distinct(texts, limit: int) -> list[str]:
    """The first ``limit`` of ``texts``, leaving out repeats that differ only in case."""
    seen, result = set(), []
    for text in texts:
        if text.casefold() not in seen and len(result) < limit:
            seen.add(text.casefold())
            result.append(text)
    return result
