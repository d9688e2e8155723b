"""`manage.py benchmark_pages` measures every page type; it asserts no timings itself."""

from io import StringIO

import pytest
from django.core.management import call_command

from tests.factories import (
    GlossaryTermPageFactory,
    TreatmentPageFactory,
    TreatmentSideEffectFactory,
)

pytestmark = pytest.mark.django_db


def test_benchmark_prints_one_line_per_page_type(
    treatment_index, side_effect_index, glossary_index
):
    TreatmentSideEffectFactory.create_batch(2, treatment=TreatmentPageFactory())
    GlossaryTermPageFactory(title="steroid")
    output = StringIO()

    call_command("benchmark_pages", "--repeat", "3", stdout=output)

    header, *rows = output.getvalue().splitlines()
    assert header.split()[:2] == ["Page", "type"]
    counts = {row.split()[0]: (int(row.split()[1]), int(row.split()[2])) for row in rows}
    assert counts == {  # page type: (pages, timed requests)
        "HomePage": (1, 3),
        "TreatmentIndexPage": (1, 3),
        "TreatmentPage": (1, 3),
        "SideEffectIndexPage": (1, 3),
        "SideEffectPage": (2, 6),
        "GlossaryIndexPage": (1, 3),
        "GlossaryTermPage": (1, 3),
        "Search": (1, 3),
    }
    for row in rows:  # median ms, p95 ms and queries per request are figures
        median, p95, queries = row.split()[3:]
        assert 0 < float(median) <= float(p95)
        assert int(queries) > 0
