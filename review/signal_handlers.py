"""How publishing and editing meet the medical review, whoever publishes or edits."""

from django.db.models.signals import post_save
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Page
from wagtail.signals import page_published
from wagtail_periodic_review.models import PeriodicReviewMixin

from review.models import Approval, MedicalReviewTask


def record_publication(sender, instance, revision, **kwargs):
    """On every publication (an approval, an administrator, the demo loader, an import): audit
    one that no medical reviewer approved, and date the periodic review from the approval of
    the live revision, so that a page published without review is due at once."""
    approval = Approval.objects.filter(revision=revision).first()
    if approval is None:
        log(instance=instance, action="review.published_without_review", revision=revision)
    if isinstance(instance, PeriodicReviewMixin):
        instance.last_review_date = approval and timezone.localdate(approval.approved_at)
        instance.next_review_date = instance.calculate_next_review_date()
        type(instance).objects.filter(pk=instance.pk).update(
            last_review_date=instance.last_review_date,
            next_review_date=instance.next_review_date,
        )


def review_the_latest_version(sender, instance, update_fields=None, **kwargs):
    """When a page in medical review gets a new latest revision, its task decides whether the
    review restarts on it (MedicalReviewTask.follow_edit)."""
    if not isinstance(instance, Page) or "latest_revision" not in (update_fields or ()):
        return
    task_state = instance.current_workflow_task_state
    if task_state and isinstance(task_state.task.specific, MedicalReviewTask):
        task_state.task.specific.follow_edit(task_state, instance.latest_revision)


def register_signal_handlers():
    page_published.connect(record_publication, dispatch_uid="review_record_publication")
    post_save.connect(review_the_latest_version, dispatch_uid="review_the_latest_version")
