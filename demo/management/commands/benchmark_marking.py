"""How long marking glossary words takes as the glossary grows: 10, 100 and 1,000 terms.

A measurement, not a test: it marks the same 5,000-word text (a page's worth of paragraphs
that use ten of the terms) against glossaries of each size, in memory, as a page view does
(a new marker each time), and prints the median time. Marking should cost about the same
whatever the size of the glossary.
"""

import random
import statistics
import time

from django.core.management.base import BaseCommand

from glossary.marking import GlossaryMarker, Term

SIZES = (10, 100, 1000)
WORDS = 5000
FILLER = [
    "the",
    "treatment",
    "may",
    "help",
    "your",
    "symptoms",
    "get",
    "better",
    "sooner",
    "after",
    "a",
    "relapse",
]


def glossary(size: int) -> list[Term]:
    """``size`` terms; every third has a two-word name and an other name."""
    return [
        Term(
            name=f"term{number} extra" if number % 3 == 0 else f"term{number}",
            url=f"/glossary/term{number}/",
            definition="A plain definition.",
            other_names=(f"alias{number}",) if number % 3 == 0 else (),
        )
        for number in range(size)
    ]


def page_text() -> str:
    """5,000 words in paragraphs of 50; one word in 25 names one of ten terms that every
    glossary size has, so each size marks the same words and only the glossary grows."""
    rng = random.Random(WORDS)  # noqa: S311 - repeatable filler, not security
    words = [
        f"term{rng.randrange(SIZES[0])}" if position % 25 == 0 else rng.choice(FILLER)
        for position in range(WORDS)
    ]
    return "".join(f"<p>{' '.join(words[i : i + 50])}</p>" for i in range(0, WORDS, 50))


class Command(BaseCommand):
    help = "Time marking glossary words in 5,000 words against 10, 100 and 1,000 terms."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=7, help="Timed runs per size.")

    def handle(self, *args, repeat, **options):
        self.stdout.write(f"Glossary marking of {WORDS:,} words (median of {repeat} runs)")
        for size in SIZES:
            terms, html = glossary(size), page_text()
            timings = []
            for _ in range(repeat):
                started = time.perf_counter()
                GlossaryMarker(terms).mark(html)
                timings.append((time.perf_counter() - started) * 1000)
            self.stdout.write(f"  {size:>5,} terms: {statistics.median(timings):7.2f} ms")
