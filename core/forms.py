"""The editor's forms: what a post must hold before anything in it is saved.

Wagtail builds each page's form from its model fields; the overrides registered here (see
CoreConfig.ready) make the fields Wagtail would otherwise trust refuse what the admin's own
pages cannot send, with a form error or a 400 Bad Request, before the form is saved.
"""

import datetime
import json

from django import forms
from django.core.exceptions import BadRequest, ValidationError
from django.db import models
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import AdminDateTimeInput, AdminPageChooser
from wagtail.blocks.base import BlockField, BlockWidget
from wagtail.fields import StreamField
from wagtail.models import Page

# What a page is called and where it lives: fixed while a medical reviewer is reading it.
NAMING_FIELDS = ("title", "slug")

# A day inside Python's datetime range at both ends, so that a date typed in any time zone can
# still be converted to UTC (and stored) without overflowing.
EARLIEST = datetime.datetime.min.replace(tzinfo=datetime.UTC) + datetime.timedelta(days=1)
LATEST = datetime.datetime.max.replace(tzinfo=datetime.UTC) - datetime.timedelta(days=1)

DAMAGED_BLOCKS = "The form's blocks arrived incomplete or damaged, so nothing was saved."


# The editor's buttons that submit a page to the medical review.
SUBMITTING = ("action-submit", "action-restart-workflow")


class PortalPageForm(WagtailAdminPageForm):
    """The editor's form for every portal page."""

    # Not a field of the page: the review app keeps it with the submission, and patients read
    # it in the page's list of updates once a medical reviewer approved that version.
    change_note = forms.CharField(
        label="What changed, for patients",
        max_length=200,
        required=False,
        help_text="One short sentence patients read in the page's list of updates once a "
        "medical reviewer approves this version, e.g. “Updated the kidney warning”. Needed "
        "when you submit the page for medical review.",
    )

    def clean(self):
        cleaned_data = super().clean()
        if (
            any(self.data.get(action) for action in SUBMITTING)
            and not (cleaned_data.get("change_note") or "").strip()
        ):
            self.add_error(
                "change_note",
                ValidationError(
                    "Say in one short sentence what changed for patients, e.g. “Updated the "
                    "kidney warning”: a page is submitted for medical review with its change "
                    "note. Nothing was submitted; your changes are still here.",
                    code="change_note_required",
                ),
            )
        page = self.instance
        if page.pk and page.workflow_in_progress:
            for name in NAMING_FIELDS:
                if name in self.changed_data:
                    self.add_error(
                        name,
                        ValidationError(
                            "This page is in medical review, so its title and address cannot "
                            "change. A site administrator can cancel the review first.",
                            code="in_review",
                        ),
                    )
        if self.data.get("action-workflow-action"):
            self.check_workflow_action_data()
        return cleaned_data

    def check_workflow_action_data(self):
        """A workflow action pressed in the editor (approve, send back) posts its own form's
        fields as JSON; Wagtail reads them only after saving the edit. Anything that form
        does not have is refused now, so a refused action saves nothing either."""
        task = self.instance.current_workflow_task
        action = self.data.get("workflow-action-name", "")
        action_form = task.get_form_for_action(action) if task else None
        allowed = set(action_form.base_fields) if action_form else set()
        try:
            extra = json.loads(self.data.get("workflow-action-extra-data") or "{}")
        except (ValueError, RecursionError):
            extra = None
        if not (
            isinstance(extra, dict)
            and set(extra) <= allowed
            # Plain values only: the review screen hands back its cleaned data (text, numbers).
            and all(isinstance(value, str | int | float | None) for value in extra.values())
        ):
            self.add_error(
                None,
                ValidationError(
                    "The review action arrived damaged, so nothing was saved or decided. "
                    "Reload the page and try again.",
                    code="damaged_workflow_action",
                ),
            )


def check_storable(value: datetime.datetime) -> None:
    if value is not None and not EARLIEST <= value <= LATEST:
        raise ValidationError(
            "Enter a date between the years 1 and 9999.", code="date_out_of_range"
        )


class StorableDateTimeField(forms.DateTimeField):
    """A date and time that Python and the database can hold in any time zone.

    Wagtail turns go-live and expiry dates into UTC when it stores a revision; 31 December
    9999 in New York is already past Python's last day in UTC.
    """

    default_validators = [check_storable]


def check_posted_blocks(block, data, prefix: str) -> None:
    """Raise BadRequest unless ``data`` holds every field Wagtail reads to build ``block``.

    The StreamField editor always posts, for each stream or list, a count and, for each item,
    whether it was deleted, its order and (in a stream) its type. Wagtail reads them without
    checking, so a hand-made post that lacks one fails while the form is read.
    """
    if isinstance(block, blocks.BaseStreamBlock | blocks.ListBlock):
        for index in range(_posted_number(data, f"{prefix}-count")):
            item = f"{prefix}-{index}"
            if item + "-deleted" not in data:
                raise BadRequest(DAMAGED_BLOCKS)
            if data[item + "-deleted"]:
                continue
            _posted_number(data, f"{item}-order")
            if isinstance(block, blocks.ListBlock):
                child = block.child_block
            elif item + "-type" in data:
                child = block.child_blocks.get(data[item + "-type"])
            else:
                raise BadRequest(DAMAGED_BLOCKS)
            if child is not None:  # Wagtail skips items of a type the stream no longer has
                check_posted_blocks(child, data, f"{item}-value")
    elif isinstance(block, blocks.BaseStructBlock):
        for name, child in block.child_blocks.items():
            check_posted_blocks(child, data, f"{prefix}-{name}")


def _posted_number(data, name: str) -> int:
    value = data.get(name, "")
    if not (value.isascii() and value.isdigit()):
        raise BadRequest(DAMAGED_BLOCKS)
    return int(value)


class CompleteStreamWidget(BlockWidget):
    def value_from_datadict(self, data, files, name):
        check_posted_blocks(self.block_def, data, name)
        return super().value_from_datadict(data, files, name)


class CompleteStreamField(BlockField):
    """A StreamField's form field that refuses a post missing the editor's hidden fields."""

    def __init__(self, block=None, **kwargs):
        kwargs.setdefault("widget", CompleteStreamWidget(block))
        super().__init__(block=block, **kwargs)


class PageChooser(AdminPageChooser):
    """Wagtail's page chooser; a posted id that is not a number is shown as no choice (the
    form already says "Select a valid choice")."""

    def get_instance(self, value):
        if isinstance(value, str) and not (value.isascii() and value.isdigit()):
            return None
        return super().get_instance(value)


def register_field_overrides():
    """Make every Wagtail admin form build these fields instead of the trusting ones."""
    register_form_field_override(
        models.DateTimeField,
        override={"form_class": StorableDateTimeField, "widget": AdminDateTimeInput},
    )
    register_form_field_override(StreamField, override={"form_class": CompleteStreamField})
    register_form_field_override(
        models.ForeignKey,
        to=Page,
        override=lambda db_field: {
            "widget": PageChooser(target_models=[db_field.remote_field.model])
        },
    )
