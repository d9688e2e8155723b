"""What changed on a page, for patients: the change notes of its approved versions that went live.

A writer writes the note when submitting a page to the medical review (ChangeNote); approving
signs it into the Approval. Patients read a note only once its version went live (Wagtail's
audit log records each publication), so a note of a version sent back, still under review or
scheduled for later is never shown, and a version published without review adds none.
"""

from django.db.models import Exists, OuterRef
from wagtail.models import PageLogEntry

from review.models import Approval


def published_updates(page):
    """The approvals of `page`'s versions that went live with a change note, newest first, as
    dicts of `approved_at` and `change_note` (the shared cache keeps them), in one query."""
    went_live = PageLogEntry.objects.filter(
        page_id=page.pk, revision_id=OuterRef("revision_id"), action="wagtail.publish"
    )
    return (
        Approval.objects.filter(page_id=page.pk)
        .exclude(change_note="")
        .filter(Exists(went_live))
        .order_by("-approved_at", "-pk")
        .values("approved_at", "change_note")
    )
