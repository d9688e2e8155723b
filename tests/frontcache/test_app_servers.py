"""Several app servers behind one Varnish, and what patients get while none is healthy."""

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.urls import reverse
from wagtail.models import Page

from deploy import stack
from review.roles import REVIEWERS, WRITERS
from tests.factories import (
    PASSWORD,
    GlossaryIndexPageFactory,
    GlossaryTermPageFactory,
    TreatmentIndexPageFactory,
    TreatmentPageFactory,
    member_of,
)
from tests.frontcache.conftest import Visitor, app_server_env, start_or_fail, use_stack, wait_for
from tests.review.admin_steps import current_task_state


@pytest.fixture
def treatment_explaining_relapse(site):
    TreatmentIndexPageFactory()
    GlossaryIndexPageFactory()
    treatment = TreatmentPageFactory(
        title="IVIG", slug="ivig", what_it_is="<p>Used after a relapse.</p>"
    )
    term = GlossaryTermPageFactory(
        title="relapse", slug="relapse", definition="New or worse symptoms."
    )
    return treatment, term


@pytest.mark.parametrize("publishing_server", [0, 1])
def test_a_publish_on_either_app_server_reaches_varnish_and_the_other_server(
    site, treatment_explaining_relapse, publishing_server
):
    treatment, term = treatment_explaining_relapse
    publishing, other = site.app_ports[publishing_server], site.app_ports[1 - publishing_server]
    reader, other_server = site.visitor(), Visitor(other)
    for visitor in (reader, other_server, reader):  # both now hold the glossary terms
        assert "New or worse symptoms." in visitor.get(treatment.url).text
    # A writer's new definition, submitted to medical review.
    writer, reviewer = member_of(WRITERS, username="wendy"), member_of(REVIEWERS, username="riley")
    # The reviewer signs the approval with their password, which the app servers (production
    # settings) check with production's hasher, not the tests' fast one.
    reviewer.password = PBKDF2PasswordHasher().encode(PASSWORD, "a-test-salt")
    reviewer.save(update_fields=["password"])
    draft = Page.objects.get(pk=term.pk).specific
    draft.definition = "An attack of new or worse MS symptoms."
    draft.save_revision(user=writer)
    draft.get_workflow().start(draft, writer)

    # The reviewer approves it in the admin, served by one app server.
    admin = Visitor(publishing)
    admin.log_in(reviewer)
    admin.get("/admin/")  # the CSRF cookie
    under_review = current_task_state(term)
    url = reverse("wagtailadmin_pages:workflow_action", args=[term.pk, "approve", under_review.pk])
    # What the review screen posts: the version it showed, signed with the reviewer's password.
    approved = admin.post(
        url,
        {
            "revision": under_review.revision_id,
            "revision_saved_at": under_review.revision.created_at.isoformat(),
            "sources_checked": "on",
            "password": PASSWORD,
        },
    )
    assert approved.status == 302

    assert "An attack of new or worse MS symptoms." in reader.get(treatment.url).text
    assert "An attack of new or worse MS symptoms." in other_server.get(treatment.url).text


def test_while_the_app_server_is_down_patients_read_the_last_published_pages(
    site, treatment_explaining_relapse, settings, tmp_path
):
    treatment, term = treatment_explaining_relapse
    varnish_port = stack.free_port()
    env = app_server_env(site.app_server_env["DATABASE_URL"], site.redis_url, varnish_port)
    gunicorn, app_port = start_or_fail(stack.start_gunicorn, env, tmp_path, workers=1)
    try:
        varnish, _ = start_or_fail(stack.start_varnish, [app_port], tmp_path, port=varnish_port)
    except BaseException:
        gunicorn.stop()
        raise
    try:
        use_stack(settings, varnish_port, site.redis_url)
        reader = Visitor(varnish_port)
        for page in (treatment, term, term):
            assert reader.get(page.url).status == 200
        term.unpublish()  # purged: it must not come back while the app server is down
        for _ in range(2):
            assert "Used after a relapse." in reader.get(treatment.url).text

        gunicorn.stop()
        wait_for(lambda: reader.get(treatment.url).cache == "stale")

        stale = reader.get(treatment.url)
        assert stale.status == 200
        assert "Used after a relapse." in stale.text
        assert stale.cache == "stale"
        gone = reader.get(term.url)
        assert gone.status == 503
        assert "New or worse symptoms." not in gone.text
        assert "not available just now" in gone.text
    finally:
        varnish.stop()
        gunicorn.stop()
