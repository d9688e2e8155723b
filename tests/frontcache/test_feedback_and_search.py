"""Readers' feedback, suggestions and the content API through Varnish and two app servers:
the feedback form works on a page served from the cache, sets no cookie and limits each reader
(not the front cache's one address); suggestions and the API never serve an unpublished page."""

import json
from html.parser import HTMLParser

import pytest

from feedback.models import Feedback
from tests.factories import TreatmentIndexPageFactory, TreatmentPageFactory


class FeedbackFormFields(HTMLParser):
    """The hidden fields of the page's feedback form, as a browser would post them."""

    def __init__(self):
        super().__init__()
        self.fields, self.in_form = {}, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.in_form = "data-feedback" in attrs
        elif tag == "input" and self.in_form and attrs.get("type") == "hidden":
            self.fields[attrs["name"]] = attrs.get("value", "")


def hidden_fields(html: str) -> dict:
    parser = FeedbackFormFields()
    parser.feed(html)
    return parser.fields


@pytest.fixture
def ivig(site):
    index = TreatmentIndexPageFactory()
    return TreatmentPageFactory(parent=index, title="IVIG", slug="ivig", search_names=["IGIV"])


def test_an_answer_from_a_page_served_from_the_cache_is_stored_and_sets_no_cookie(site, ivig):
    first_reader = site.visitor()
    first_reader.get(ivig.url)
    cached = site.visitor(source="127.0.0.2").get(ivig.url)
    assert cached.cache == "hit"

    answer = site.visitor(source="127.0.0.3").post(
        "/feedback/", {**hidden_fields(cached.text), "helpful": "no", "comment": "Too long."}
    )
    thanks = site.visitor(source="127.0.0.3").get(answer.headers["Location"])

    assert (answer.status, answer.cache) == (303, "pass")
    assert (thanks.status, "Back to “IVIG”" in thanks.text) == (200, True)
    for reply in (cached, answer, thanks):
        assert reply.headers.get("Set-Cookie") is None
    stored = Feedback.objects.get()
    assert (stored.page_id, stored.helpful, stored.comment) == (ivig.pk, False, "Too long.")


def test_the_rate_limit_counts_each_reader_across_both_app_servers(site, ivig):
    busy, other = site.visitor(source="127.0.0.4"), site.visitor(source="127.0.0.5")
    answer = {"page": ivig.pk, "helpful": "yes"}

    statuses = [busy.post("/feedback/", answer).status for _ in range(11)]

    assert statuses == [303] * 10 + [429]
    assert other.post("/feedback/", answer).status == 303, "another reader behind Varnish"
    assert Feedback.objects.count() == 11


def test_suggestions_and_the_api_drop_a_page_the_moment_it_is_unpublished(site, ivig):
    reader = site.visitor()

    def suggested():
        return json.loads(reader.get("/search/suggestions/?query=IGI").text)["suggestions"]

    def listed():
        reply = reader.get("/api/v2/pages/?type=treatments.TreatmentPage")
        return [item["title"] for item in json.loads(reply.text)["items"]]

    assert suggested() == suggested() == ["IGIV"]
    assert listed() == listed() == ["IVIG"]

    ivig.unpublish()

    assert suggested() == []
    assert listed() == []
