""" "Was this page helpful?": on every patient page, safe in a front cache, anonymous, hard to
abuse, and answered with a clear 4xx when a post is bad."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.test import Client

from feedback.models import Feedback
from tests.factories import (
    GlossaryTermPageFactory,
    QuestionsGuidePageFactory,
    SideEffectPageFactory,
    TreatmentHistoryPageFactory,
    TreatmentPageFactory,
    make_private,
    save_draft,
)

pytestmark = pytest.mark.django_db

PATIENT_LINE = (
    "This is not read by a doctor, and you will not get a reply. Do not include personal "
    "health details, your name, email address or phone number."
)


@pytest.fixture
def treatment(treatment_index):
    return TreatmentPageFactory(title="Plasma exchange")


def feedback_form(html: bytes):
    return BeautifulSoup(html, "html.parser").find("form", attrs={"data-feedback": True})


def form_data(form, **answers) -> dict:
    """What a browser posts from ``form``: its hidden fields, then the reader's answers."""
    data = {field["name"]: field.get("value", "") for field in form.select("input[type=hidden]")}
    return {**data, **answers}


def post(client, page, headers=None, address="127.0.0.1", **fields):
    """Answer about ``page`` (Yes, unless ``fields`` say otherwise) from ``address``."""
    data = {"page": page.pk, "helpful": "yes", **fields}
    return client.post("/feedback/", data, headers=headers, REMOTE_ADDR=address)


def test_every_kind_of_patient_page_asks_and_says_who_reads_the_answer(
    client, home, treatment_index, side_effect_index, glossary_index
):
    pages = [
        home,
        treatment_index,
        TreatmentPageFactory(),
        side_effect_index,
        SideEffectPageFactory(),
        glossary_index,
        GlossaryTermPageFactory(),
        TreatmentHistoryPageFactory(),
        QuestionsGuidePageFactory(),
    ]
    for page in pages:
        html = BeautifulSoup(client.get(page.url).content, "html.parser")
        aside = html.find("aside", class_="feedback")
        assert aside.h2.get_text() == "Was this page helpful?", page.title
        assert PATIENT_LINE in " ".join(aside.get_text().split()), page.title
        form = aside.form
        assert (form["method"], form["action"]) == ("post", "/feedback/")
        assert form_data(form) == {"page": str(page.pk)}


def test_the_form_carries_nothing_personal_so_every_reader_gets_the_same_cached_page(
    treatment,
):
    first, second = Client(), Client()

    page_for_first, page_for_second = first.get(treatment.url), second.get(treatment.url)

    assert page_for_first.content == page_for_second.content
    assert "csrfmiddlewaretoken" not in page_for_first.content.decode()
    assert page_for_first.cookies == {}


def test_an_answer_from_a_cached_copy_of_the_page_is_stored(treatment):
    cached_copy = Client().get(treatment.url).content  # as the front cache keeps it
    reader = Client()  # another reader: no cookie, no session, never saw the page from Django

    response = reader.post(
        "/feedback/", form_data(feedback_form(cached_copy), helpful="no", comment="Too long.")
    )

    assert response.status_code == 303
    stored = Feedback.objects.get()
    assert (stored.page_id, stored.helpful, stored.comment) == (treatment.pk, False, "Too long.")


def test_without_javascript_the_reader_lands_on_a_thank_you_with_a_way_back(client, treatment):
    response = post(client, treatment, helpful="yes")

    assert response.status_code == 303
    assert response["Location"] == f"/feedback/thanks/?page={treatment.pk}"
    thanks = client.get(response["Location"])
    main = BeautifulSoup(thanks.content, "html.parser").main
    assert main.h1.get_text() == "Thank you for your feedback"
    assert main.find("a", string="Back to “Plasma exchange”")["href"] == treatment.url
    assert thanks.cookies == {}
    assert "private" not in thanks.get("Cache-Control", ""), "the same for everyone"


def test_with_javascript_the_answer_is_acknowledged_in_json(client, treatment):
    response = client.post(
        "/feedback/",
        {"page": treatment.pk, "helpful": "no"},
        headers={"Accept": "application/json"},
    )

    assert response.status_code == 201
    assert response.json() == {
        "message": "Thank you. Your answer has been sent to the people who write this site."
    }
    assert Feedback.objects.get().helpful is False


def test_no_response_on_the_way_sets_a_cookie_or_can_be_cached(client, treatment):
    responses = [
        client.get(treatment.url),
        post(client, treatment),
        post(client, treatment, helpful="maybe"),
        client.get("/feedback/"),
        client.get(f"/feedback/thanks/?page={treatment.pk}"),
    ]

    assert [response.cookies for response in responses] == [{}] * 5
    for response in responses[1:4]:  # answers to posts are never stored by a cache
        assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(
    ("comment", "stored"),
    [
        ("Write to jo.bloggs+ms@example.co.uk please", "Write to [email address removed] please"),
        ("Call me on (555) 123-4567.", "Call me on [phone number removed]."),
        ("My number: +44 20 7946 0958", "My number: [phone number removed]"),
        ("07700900123 anytime", "[phone number removed] anytime"),
        ("I had 3 sessions in 2024, 48 hours apart.", "I had 3 sessions in 2024, 48 hours apart."),
    ],
)
def test_email_addresses_and_phone_numbers_are_masked_before_they_are_stored(
    client, treatment, comment, stored
):
    post(client, treatment, comment=comment)

    assert Feedback.objects.get().comment == stored


def test_nothing_stored_or_cached_holds_the_readers_address(client, treatment):
    post(client, treatment, address="203.0.113.7")

    stored = Feedback.objects.values().get()
    assert "203.0.113.7" not in str(stored)
    assert set(stored) == {"id", "page_id", "helpful", "comment", "created_at"}
    assert "203.0.113.7" not in str(list(cache._cache.items()))  # the rate limit's own count


@pytest.mark.parametrize("method", ["get", "put", "patch", "delete"])
def test_only_posts_are_accepted(client, treatment, method):
    response = getattr(client, method)("/feedback/")

    assert response.status_code == 405
    assert response["Allow"] == "POST"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"helpful": "yes"}, "The form did not say which page it is about."),
        ({"page": "{page}"}, "Please choose Yes or No."),
        ({"page": "{page}", "helpful": "maybe"}, "Please choose Yes or No."),
        ({"page": "abc", "helpful": "yes"}, "The page this form is about is no longer published."),
        ({"page": "-1", "helpful": "yes"}, "The page this form is about is no longer published."),
        (
            {"page": "99999999999999999999999", "helpful": "yes"},
            "The page this form is about is no longer published.",
        ),
        (
            {"page": "{page}", "helpful": "no", "comment": "x" * 501},
            "Please keep your comment to 500 characters.",
        ),
        ({"page": "{page}", "helpful": "no", "comment": "a\x00b"}, "Null characters"),
        (
            {"page": "{page}", "helpful": "yes", "leave_empty": "http://spam.example"},
            "This form was filled in by a program, so it was not sent.",
        ),
    ],
)
def test_a_bad_post_gets_400_with_the_reason_and_stores_nothing(client, treatment, data, message):
    data = {name: value.format(page=treatment.pk) for name, value in data.items()}

    page_response = client.post("/feedback/", data)
    json_response = client.post("/feedback/", data, headers={"Accept": "application/json"})

    assert page_response.status_code == json_response.status_code == 400
    main = BeautifulSoup(page_response.content, "html.parser").main
    assert main.h1.get_text() == "Your feedback was not sent"
    assert json_response.json()["error"].startswith(message)
    assert message in main.find(class_="form-error").get_text()
    assert not Feedback.objects.exists()


def test_answers_about_unpublished_draft_or_other_pages_are_refused(
    client, home, treatment, glossary_index
):
    unpublished = TreatmentPageFactory()
    unpublished.unpublish()
    never_published = GlossaryTermPageFactory(live=False)
    root = home.get_parent()  # live, but no patient page

    for page in (unpublished, never_published, root):
        assert post(client, page).status_code == 400, page
    assert not Feedback.objects.exists()


def test_a_page_with_a_draft_and_a_private_page_still_take_answers(client, treatment):
    save_draft(treatment, title="A draft title")
    assert post(client, treatment).status_code == 303

    make_private(treatment)
    assert post(client, treatment).status_code == 303
    assert Feedback.objects.count() == 2


def test_an_oversized_post_gets_413_and_stores_nothing(client, treatment):
    response = post(client, treatment, comment="x" * 5000)

    assert response.status_code == 413
    assert not Feedback.objects.exists()


def test_a_post_from_another_site_is_refused(client, treatment):
    response = post(client, treatment, headers={"Origin": "https://evil.example"})
    same_site = post(client, treatment, headers={"Origin": "http://testserver"})

    assert response.status_code == 403
    assert same_site.status_code == 303
    assert Feedback.objects.count() == 1


def test_one_address_sending_too_often_gets_429_until_the_window_ends(client, treatment):
    for _ in range(10):
        assert post(client, treatment).status_code == 303

    refused = post(client, treatment)
    refused_json = client.post(
        "/feedback/",
        {"page": treatment.pk, "helpful": "no"},
        headers={"Accept": "application/json"},
    )

    assert refused.status_code == refused_json.status_code == 429
    assert refused["Retry-After"] == "600"
    assert "try again later" in refused_json.json()["error"]
    assert Feedback.objects.count() == 10
    assert post(client, treatment, address="198.51.100.2").status_code == 303, "another reader"


def test_behind_the_front_cache_readers_are_told_apart_by_the_forwarded_address(
    client, treatment, settings
):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]  # the front cache, as the test client's address
    for _ in range(10):
        post(client, treatment, headers={"X-Forwarded-For": "203.0.113.7"})

    assert post(client, treatment, headers={"X-Forwarded-For": "203.0.113.7"}).status_code == 429
    assert post(client, treatment, headers={"X-Forwarded-For": "203.0.113.8"}).status_code == 303


def test_a_forged_forwarded_address_does_not_escape_the_limit(client, treatment, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]  # it appends the address it saw
    for number in range(10):
        post(client, treatment, headers={"X-Forwarded-For": f"10.0.0.{number}, 203.0.113.7"})

    forged = post(client, treatment, headers={"X-Forwarded-For": "10.9.9.9, 203.0.113.7"})

    assert forged.status_code == 429


def test_without_a_trusted_proxy_the_forwarded_header_is_ignored(client, treatment):
    for number in range(10):
        post(client, treatment, headers={"X-Forwarded-For": f"10.0.0.{number}"})

    assert post(client, treatment, headers={"X-Forwarded-For": "10.9.9.9"}).status_code == 429


def test_the_thank_you_never_names_a_page_patients_cannot_see(client, treatment):
    hidden = TreatmentPageFactory(title="Secret page")
    make_private(hidden)

    for page_id in (hidden.pk, "999999", "abc", ""):
        response = client.get("/feedback/thanks/", {"page": page_id})
        assert response.status_code == 200
        main = BeautifulSoup(response.content, "html.parser").main
        assert "Secret page" not in main.get_text()
        assert main.find("a", string="Back to the home page")["href"] == "/"


def test_previews_in_the_admin_carry_no_feedback_form(client, site_admin, treatment):
    client.force_login(site_admin)

    preview = client.get(f"/admin/pages/{treatment.pk}/view_draft/")

    assert preview.status_code == 200
    assert feedback_form(preview.content) is None
    assert feedback_form(client.get(treatment.url).content) is not None
