"""Factories for the portal's pages. Tests build the content they describe from these."""

import json

import factory
import wagtail_factories
from django.contrib.auth.models import Group
from factory.django import DjangoModelFactory
from wagtail.models import Page, PageViewRestriction

from glossary.models import GlossaryIndexPage, GlossaryTermPage
from home.models import HomePage
from review.models import Approval
from sources.models import Source, SourceKind
from sources.rich_text import citation
from tools.models import QuestionsGuidePage, TreatmentHistoryPage
from treatments.models import (
    RegulatoryStatus,
    SideEffectClass,
    SideEffectIndexPage,
    SideEffectPage,
    TreatmentComparisonPage,
    TreatmentIndexPage,
    TreatmentPage,
    TreatmentSideEffect,
)
from users.models import User

# Every user the factories make signs in (and signs approvals) with this password.
PASSWORD = "correct horse battery"


def home_page():
    """The site's home page, made by a data migration."""
    return HomePage.objects.get()


def the_only(index_factory):
    """A lazy parent: the site's one index page of that type, made if there is none yet."""
    return factory.LazyFunction(
        lambda: index_factory._meta.model.objects.first() or index_factory()
    )


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password(PASSWORD)


def member_of(*group_names, **attrs):
    """A user in the named groups (the editorial roles, review.roles)."""
    user = UserFactory(**attrs)
    user.groups.set(Group.objects.filter(name__in=group_names))
    return user


class TreatmentIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = TreatmentIndexPage

    title = "How are MS relapses treated?"
    slug = "treatments"
    parent = factory.LazyFunction(home_page)
    intro = "<p>Relapses can be treated.</p>"
    relapse_versus_long_term = "<p>Keep taking your disease-modifying treatment.</p>"
    no_one_size_fits_all = "<p>Each person is different.</p>"
    relapse_ready = "<p>Keep a record of past treatments.</p>"
    under_investigation = "<p>Clinical trials are under way.</p>"
    disclaimer = "<p>This is education, not advice.</p>"


class TreatmentPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = TreatmentPage

    title = factory.Sequence(lambda n: f"Treatment {n}")
    parent = the_only(TreatmentIndexPageFactory)
    summary = "A short summary of the treatment."
    what_it_is = "<p>What the treatment is.</p>"
    how_it_works = "<p>How the treatment works.</p>"
    how_it_is_given = "<p>How the treatment is given.</p>"
    regulatory_status = RegulatoryStatus.NOT_FDA_APPROVED


class SideEffectIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SideEffectIndexPage

    title = "Side effects"
    slug = "side-effects"
    parent = factory.LazyFunction(home_page)


class SideEffectPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SideEffectPage

    title = factory.Sequence(lambda n: f"Side effect {n}")
    parent = the_only(SideEffectIndexPageFactory)
    description = "<p>What the source says about it.</p>"


class TreatmentSideEffectFactory(DjangoModelFactory):
    class Meta:
        model = TreatmentSideEffect

    treatment = factory.SubFactory(TreatmentPageFactory)
    side_effect = factory.SubFactory(SideEffectPageFactory)
    classification = SideEffectClass.COMMON


class GlossaryIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = GlossaryIndexPage

    title = "Glossary"
    slug = "glossary"
    parent = factory.LazyFunction(home_page)


class GlossaryTermPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = GlossaryTermPage

    title = factory.Sequence(lambda n: f"term{n}")
    parent = the_only(GlossaryIndexPageFactory)
    definition = "A plain definition."
    other_names = factory.LazyFunction(list)


class TreatmentComparisonPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = TreatmentComparisonPage

    title = "Compare the treatments side by side"
    slug = "compare"
    parent = the_only(TreatmentIndexPageFactory)
    intro = "<p>The facts from each treatment page, side by side.</p>"


class TreatmentHistoryPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = TreatmentHistoryPage

    title = "My relapse treatment history"
    slug = "my-relapse-treatment-history"
    parent = factory.LazyFunction(home_page)
    intro = "<p>Write down each past relapse and how its treatment went.</p>"


class QuestionsGuidePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = QuestionsGuidePage

    title = "Questions to ask your healthcare provider"
    slug = "questions-to-ask"
    parent = factory.LazyFunction(home_page)
    intro = "<p>Take these questions to your next visit.</p>"


class ApprovalFactory(DjangoModelFactory):
    """A medical reviewer's signed approval of one revision of a page."""

    class Meta:
        model = Approval

    revision = None  # required: the revision approved
    # A page's approval names the page; a source's (a snippet in the same review) names none.
    page = factory.LazyAttribute(
        lambda approval: (
            approval.revision.content_object
            if isinstance(approval.revision.content_object, Page)
            else None
        )
    )
    reviewer = factory.SubFactory(UserFactory)
    reviewer_name = factory.LazyAttribute(lambda approval: approval.reviewer.get_full_name())
    signed_with = Approval.Signature.PASSWORD


def publish_approved(page: Page, **approval) -> Approval:
    """Save ``page`` as a revision a medical reviewer approved, and publish it, as approving in
    the medical review does (without going through the admin)."""
    revision = page.specific.save_revision()
    approved = ApprovalFactory(revision=revision, **approval)
    revision.publish()
    page.refresh_from_db()
    return approved


class SourceFactory(DjangoModelFactory):
    """A source in the library. Live unless ``live=False``; ``publish=True`` publishes it as the
    admin does, with a revision."""

    class Meta:
        model = Source
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Guideline {n} on relapse treatment")
    authors = "A guideline panel"
    kind = SourceKind.GUIDELINE

    @factory.post_generation
    def publish(source, create, extracted, **kwargs):
        if create and extracted:
            source.save_revision().publish()


def cite(*sources) -> str:
    """Citations of ``sources`` as rich text stores them (after the statement they support)."""
    return "".join(citation(source.pk) for source in sources)


def sources_value(*sources) -> str:
    """A fact's sources (``regulatory_status_sources``, a side-effect link's ``sources``) as
    stored."""
    return json.dumps([{"type": "source", "value": source.pk} for source in sources])


def safety_warning(heading, body, most_at_risk=(), advice="", sources=()):
    """One block of a treatment's ``safety_warnings`` stream, as stored."""
    return {
        "type": "warning",
        "value": {
            "heading": heading,
            "body": body,
            "most_at_risk": list(most_at_risk),
            "advice": advice,
            "sources": [source.pk for source in sources],
        },
    }


def save_draft(page: Page, **changes) -> None:
    """Save ``changes`` as a newer revision of ``page`` without publishing it."""
    draft = page.specific_class.objects.get(pk=page.pk)
    for field, value in changes.items():
        setattr(draft, field, value)
    draft.save_revision()


def make_private(page: Page) -> PageViewRestriction:
    """Put ``page`` behind a password, so it is no longer public."""
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
