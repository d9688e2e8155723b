"""Time the site search with many pages: whole words, misspellings, no match, suggestions.

A measurement tool, not a test. It adds ``--pages`` throwaway side effects and glossary terms
(titles, other names and text made of made-up words), times each kind of search through the
whole Django stack with the test client, prints the median and 95th-percentile time and the
queries per request, and then rolls everything back: the database is left as it was.
"""

import random
import statistics
import time
from urllib.parse import urlencode

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.http.request import validate_host
from django.test import Client
from django.urls import reverse
from wagtail.models import Site

from glossary.models import GlossaryIndexPage, GlossaryTermPage
from home.models import HomePage
from treatments.models import SideEffectIndexPage, SideEffectPage

# Made-up words: the pages say nothing, in words PostgreSQL's dictionaries do not know.
SYLLABLES = ["ba", "ce", "di", "fo", "gu", "ka", "le", "mi", "no", "pu", "ra", "se", "ti", "vo"]
SYLLABLES += ["zu", "bro", "cla", "dre", "fli", "gro", "pla", "stri", "tro"]


class Rollback(Exception):
    """Raised to leave the transaction, undoing the throwaway pages."""


class Command(BaseCommand):
    help = "Add N throwaway pages, time each kind of search, then roll the pages back."

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, default=1000, help="Pages to add (1000).")
        parser.add_argument("--repeat", type=int, default=20, help="Timed requests (20).")

    def handle(self, *args, pages, repeat, **options):
        if pages < 1 or repeat < 1:
            raise CommandError("--pages and --repeat must be at least 1.")
        client = Client(HTTP_HOST=self.host())
        try:
            with transaction.atomic():
                words = self.add_pages(pages)
                self.report(client, self.searches(words), repeat, pages)
                raise Rollback
        except Rollback:
            pass

    def add_pages(self, count: int) -> list[str]:
        """Half side effects, half glossary terms with two other names; returns their words."""
        rng = random.Random(12)  # noqa: S311 (not for secrets: the same pages every run)
        words = sorted({self.word(rng) for _ in range(count * 3)})
        home = HomePage.objects.first()
        if home is None:
            raise CommandError('There is no home page. Run "manage.py migrate".')
        side_effects = self.index(home, SideEffectIndexPage, "benchmark-side-effects")
        glossary = self.index(home, GlossaryIndexPage, "benchmark-glossary")
        self.stdout.write(f"Adding {count} pages (rolled back at the end)...")
        named = set()  # glossary names are unique across terms, ignoring case
        for number in range(count):
            title = " ".join(rng.sample(words, rng.randint(1, 3))).capitalize()
            text = " ".join(rng.choices(words, k=40))
            slug = f"benchmark-{number}"
            if number % 2:
                other_names = rng.sample(words, 2)
                while named & {title.lower(), *other_names}:
                    title = " ".join(rng.sample(words, rng.randint(1, 3))).capitalize()
                    other_names = rng.sample(words, 2)
                named |= {title.lower(), *other_names}
                page = GlossaryTermPage(
                    title=title, slug=slug, definition=text, other_names=other_names
                )
                glossary.add_child(instance=page)
            else:
                page = SideEffectPage(title=title, slug=slug, description=f"<p>{text}</p>")
                side_effects.add_child(instance=page)
        return words

    @staticmethod
    def index(home, model, slug):
        return home.add_child(instance=model(title=slug, slug=slug))

    @staticmethod
    def word(rng) -> str:
        return "".join(rng.choices(SYLLABLES, k=rng.randint(2, 4)))

    @staticmethod
    def searches(words) -> dict[str, str]:
        known = max(words, key=len)
        misspelt = known[:2] + known[3] + known[2] + known[4:]  # two letters swapped
        search, suggestions = reverse("search"), reverse("search_suggestions")
        return {
            "Search, a known word": f"{search}?{urlencode({'query': known})}",
            "Search, misspelt": f"{search}?{urlencode({'query': misspelt})}",
            "Search, nothing near": f"{search}?{urlencode({'query': 'qxzjw vkpq'})}",
            "Suggestions": f"{suggestions}?{urlencode({'query': known[:3]})}",
        }

    def report(self, client, searches, repeat, pages):
        self.stdout.write(
            f"{'Search with ' + str(pages) + ' pages':<26}{'requests':>9}{'median ms':>11}"
            f"{'p95 ms':>9}{'queries':>9}"
        )
        for name, url in searches.items():
            self.get(client, url)  # warm-up, not counted
            measured = [self.get(client, url) for _ in range(repeat)]
            times = sorted(ms for ms, _ in measured)
            queries = sorted({count for _, count in measured})
            p95 = (
                statistics.quantiles(times, n=20, method="inclusive")[18]
                if repeat > 1
                else times[0]
            )
            query_text = str(queries[0]) if len(queries) == 1 else f"{queries[0]}-{queries[-1]}"
            self.stdout.write(
                f"{name:<26}{repeat:>9}{statistics.median(times):>11.1f}{p95:>9.1f}{query_text:>9}"
            )

    def host(self) -> str:
        hostname = Site.objects.get(is_default_site=True).hostname
        if not validate_host(hostname, settings.ALLOWED_HOSTS):
            raise CommandError(f"Add {hostname} to ALLOWED_HOSTS to benchmark the site.")
        return hostname

    def get(self, client, url) -> tuple[float, int]:
        """One request: its time in milliseconds and its number of queries."""
        queries = []

        def count(execute, sql, params, many, context):
            queries.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            start = time.perf_counter()
            response = client.get(url, secure=True)
            elapsed = (time.perf_counter() - start) * 1000
        if response.status_code != 200:
            raise CommandError(f"{url} answered {response.status_code}, not 200.")
        return elapsed, len(queries)
