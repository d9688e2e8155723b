"""Time how long each type of page takes to render, and how many queries it costs.

A measurement tool, not a test: it renders every live, public page (and one search) through
the whole Django stack with the test client, several times, and prints per page type the
median and 95th-percentile time and the database queries per request.
"""

import statistics
import time
from collections import defaultdict
from urllib.parse import urlencode

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.http.request import validate_host
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, Site


class Command(BaseCommand):
    help = "Render every live page N times; print median and p95 ms and queries per page type."

    def add_arguments(self, parser):
        parser.add_argument(
            "--repeat", type=int, default=20, help="Timed requests per page (default 20)."
        )
        parser.add_argument(
            "--query", default="steroids", help='Search words for the "Search" row.'
        )

    def handle(self, *args, repeat, query, **options):
        if repeat < 1:
            raise CommandError("--repeat must be at least 1.")
        client = Client(HTTP_HOST=self.host())
        samples = defaultdict(list)  # page type -> [(milliseconds, queries), ...]
        pages = defaultdict(int)  # page type -> number of pages
        targets = [
            (type(page).__name__, page.url)
            for page in Page.objects.live().public().specific().order_by("path")
            if not page.is_root() and page.url
        ]
        targets.append(("Search", f"{reverse('search')}?{urlencode({'query': query})}"))

        for page_type, url in targets:
            pages[page_type] += 1
            self.get(client, url)  # warm-up, not counted
            for _ in range(repeat):
                samples[page_type].append(self.get(client, url))

        self.stdout.write(
            f"{'Page type':<22}{'pages':>6}{'requests':>10}{'median ms':>11}{'p95 ms':>9}"
            f"{'queries':>9}"
        )
        for page_type, measured in samples.items():
            times = sorted(ms for ms, _ in measured)
            queries = sorted({count for _, count in measured})
            p95 = (
                statistics.quantiles(times, n=20, method="inclusive")[18]
                if len(times) > 1
                else times[0]
            )
            query_text = str(queries[0]) if len(queries) == 1 else f"{queries[0]}-{queries[-1]}"
            self.stdout.write(
                f"{page_type:<22}{pages[page_type]:>6}{len(times):>10}"
                f"{statistics.median(times):>11.1f}{p95:>9.1f}{query_text:>9}"
            )

    def host(self) -> str:
        """The default site's host name, which the site's ALLOWED_HOSTS must accept."""
        hostname = Site.objects.get(is_default_site=True).hostname
        if not validate_host(hostname, settings.ALLOWED_HOSTS):
            raise CommandError(f"Add {hostname} to ALLOWED_HOSTS to benchmark the site.")
        return hostname

    def get(self, client, url) -> tuple[float, int]:
        """One request: its time in milliseconds and its number of queries."""
        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            start = time.perf_counter()
            response = client.get(url, secure=True)
            elapsed = (time.perf_counter() - start) * 1000
        if response.status_code != 200:
            raise CommandError(f"{url} answered {response.status_code}, not 200.")
        return elapsed, counter.count


class QueryCounter:
    """Counts the queries run through the connection (whether DEBUG logs them or not)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)
