"""The watch on the evidence: when a source is superseded or withdrawn, the pages that cite it
go back for medical re-review at once.

The moment a live, current source becomes superseded or withdrawn (the change approved and
published), every live page that cites it is flagged: Wagtail's reference index knows them, from
citations in rich text and sources chosen in fields. A flagged page heads "Medical reviews due"
and the reviewers' dashboard, and its writers and the medical reviewers are emailed. Patients see
the page as it was until a medical reviewer approves it again, which clears the flag.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone
from wagtail import hooks
from wagtail.models import Page, ReferenceIndex
from wagtail.signals import workflow_approved

from sources.models import EvidenceFlag, Source, source_superseded_or_withdrawn

# A function that emails the writers and reviewers concerned by a list of pages (the review
# app supplies it: review.due.email_concerned).
EMAIL_HOOK = "email_about_pages_to_review"


def pages_citing(source: Source):
    """The live pages whose live version cites ``source``."""
    page_ids = ReferenceIndex.get_references_to(source).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    return Page.objects.live().filter(
        pk__in=[int(pk) for pk in page_ids.values_list("object_id", flat=True)]
    )


@receiver(source_superseded_or_withdrawn)
def flag_pages_citing(sender, source, **kwargs):
    pages = list(pages_citing(source))
    for page in pages:
        EvidenceFlag.objects.get_or_create(
            page=page, source=source, cleared_at=None, defaults={"status": source.status}
        )
    if pages:
        transaction.on_commit(lambda: email_flagged(source, pages))


def email_flagged(source: Source, pages) -> None:
    """Tell each responsible writer and every medical reviewer which pages need re-review.

    The medical review knows who they are and emails them (the hook EMAIL_HOOK).
    """
    status = source.get_status_display().lower()
    for email in hooks.get_hooks(EMAIL_HOOK):
        email(
            pages,
            lambda user_pages: (
                "Medical re-review needed: a source cited on "
                f"{len(user_pages)} page(s) was {status}"
            ),
            "sources/source_changed_email.txt",
            source=source,
        )


@receiver(workflow_approved)
def clear_flags_of_approved_page(sender, instance, **kwargs):
    """A medical reviewer approved the page again: its re-review is done."""
    if instance.base_content_type_id == ContentType.objects.get_for_model(Page).pk:
        EvidenceFlag.objects.filter(page_id=instance.object_id, cleared_at=None).update(
            cleared_at=timezone.now()
        )
