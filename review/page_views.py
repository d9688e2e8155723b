"""The page editor and workflow action screens, as Wagtail's, telling people what happened.

Wagtail lets a site give page types their own view classes (PageViewSet). The medical review's
rules stay in MedicalReviewTask; these views show its answers where the person acted: the
version under review on the review screen, a refusal and its reason, the outcome of an action,
and the reviewer's comment at the top of the editor of a page that was sent back.
"""

from django.contrib.admin.utils import quote
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html
from wagtail.admin import messages
from wagtail.admin.modal_workflow import render_modal_workflow
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.pages.workflow import CollectWorkflowActionDataView, WorkflowActionView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page, PreviewableMixin, TaskState, WorkflowState
from wagtail.snippets.views import snippets as snippet_views

from review.forms import ApprovalForm, SourceApprovalForm
from review.models import (
    ChangeNote,
    ReviewRefused,
    admin_title,
    change_note_of,
    local_time,
    saved_by,
)


def is_xhr(request) -> bool:
    return request.headers.get("x-requested-with") == "XMLHttpRequest"


def what_happened(task_state) -> tuple[str, list]:
    """The outcome of a decision on `task_state`, for the reviewer who made it (and buttons).

    Of a page, or of a snippet reviewed in the same workflow (a source).
    """
    page = task_state.revision.content_object
    page.refresh_from_db()
    title = admin_title(page)
    if task_state.status == TaskState.STATUS_REJECTED:
        writer = task_state.workflow_state.requested_by
        return (
            f"“{title}” was sent back for changes. "
            f"{get_user_display_name(writer) if writer else 'The writer'} sees your comment on "
            "their dashboard and at the top of the editor.",
            [],
        )
    version = saved_by(task_state.revision)
    if page.live_revision_id == task_state.revision_id:
        url = getattr(page, "url", None)
        buttons = [messages.button(url, "View live")] if url else []
        return (
            f"“{title}” was approved and published: patients now read the version saved by "
            f"{version}.",
            buttons,
        )
    return (
        f"“{title}” was approved: the version saved by {version} goes live as scheduled.",
        [],
    )


def sent_back_note(task_state):
    """The reviewer's comment on a page sent back for changes, as the editor shows it."""
    return format_html(
        "Sent back for changes by <strong>{}</strong>, {}: “{}” Make the changes, then "
        "resubmit the page to medical review.",
        get_user_display_name(task_state.finished_by) if task_state.finished_by else "a reviewer",
        local_time(task_state.finished_at),
        task_state.comment,
    )


class ReviewFormMixin:
    """The review screen: the version under review, the form filled in for it, and refusals
    said on the screen while the review is open, or where the person goes next."""

    # Set by check_action once the task offers the action to this person.
    offered = False
    action_verbose_name = ""

    def get_form_class(self):
        form_class = super().get_form_class()
        if form_class is ApprovalForm and not isinstance(self.object, Page):
            return SourceApprovalForm  # a source is itself the evidence
        return form_class

    def shown_version(self) -> dict:
        revision = self.task_state.revision
        return {"revision": revision.pk, "revision_saved_at": revision.created_at.isoformat()}

    def dispatch(self, request, *args, **kwargs):
        try:
            if not self.object.workflow_in_progress:
                # Wagtail would only say the page is not in review; say who ended it.
                raise ReviewRefused(self.reason_to_refuse())
            return super().dispatch(request, *args, **kwargs)
        except ReviewRefused as refusal:
            return self.refused(request, refusal)

    def reason_to_refuse(self) -> str:
        reason = self.task.reason_to_refuse(self.task_state, self.request.user, self.action_name)
        return reason or "The medical review does not offer you this decision."

    def check_action(self):
        """Wagtail refuses an action the task does not offer with a bare 403; say why."""
        user = self.request.user
        if self.action_name not in {
            name for name, _, _ in self.task.get_actions(self.object, user)
        }:
            raise ReviewRefused(self.reason_to_refuse())
        super().check_action()
        self.offered = True

    def get(self, request, *args, **kwargs):
        return self.render_modal_form(request, self.form_class(initial=self.shown_version()))

    # The admin's URLs of the reviewed object's revisions: a page's (a snippet's viewset gives
    # its own).
    revisions_view_url_name = "wagtailadmin_pages:revisions_view"
    revisions_compare_url_name = "wagtailadmin_pages:revisions_compare"

    def get_context_data(self, **kwargs):
        revision = self.task_state.revision
        page = self.object
        compare_url = (
            reverse(self.revisions_compare_url_name, args=[quote(page.pk), "live", revision.pk])
            if page.live and page.live_revision_id != revision.pk
            else None
        )
        preview_url = (
            reverse(self.revisions_view_url_name, args=[quote(page.pk), revision.pk])
            if isinstance(page, PreviewableMixin)
            else None  # a source has no preview
        )
        return super().get_context_data(
            version_saved_by=saved_by(revision),
            change_note=change_note_of(self.task_state.workflow_state),
            preview_url=preview_url,
            compare_url=compare_url,
            **kwargs,
        )

    def refused(self, request, refusal: ReviewRefused):
        if not is_xhr(request):
            messages.error(request, str(refusal))
            return redirect(self.redirect_url)
        # On the review screen: the reason, and the form again if deciding again can work.
        self.task_state.refresh_from_db()
        form = None
        if self.offered and self.task_state.status == TaskState.STATUS_IN_PROGRESS:
            form = self.form_class(initial=self.shown_version())
            if request.method == "POST":
                # Keep what they wrote, show the version now under review, never a password.
                data = request.POST.copy()
                data.update(self.shown_version())
                data["password"] = ""
                form = self.form_class(data)
        return render_modal_workflow(
            request,
            self.get_template_names(),
            None,
            self.get_context_data(form=form, refusal=str(refusal)),
            json_data={"step": "action"},
        )


class DecideMixin(ReviewFormMixin):
    """Approve or send back from the dashboard or a link: act, then say what happened."""

    def post(self, request, *args, **kwargs):
        form = self.form_class(request.POST)
        if is_xhr(request) and not form.is_valid():
            return self.render_modal_form(request, form)
        # A plain post with missing data still reaches the task, which says what is missing.
        data = form.cleaned_data if form.is_valid() else request.POST.dict()
        self.task.on_action(self.task_state, request.user, self.action_name, **data)
        self.task_state.refresh_from_db()
        message, buttons = what_happened(self.task_state)
        messages.success(request, message, buttons=buttons)
        if is_xhr(request):
            return self.render_modal_json(
                request, {"step": "success", "redirect": self.redirect_url}
            )
        return redirect(self.redirect_url)


class CheckDecisionMixin(ReviewFormMixin):
    """The review screen opened from the editor: it checks the decision before the editor
    sends it, so a wrong password or a changed version is said here, not after saving."""

    def post(self, request, *args, **kwargs):
        form = self.form_class(request.POST)
        if form.is_valid() and (
            reason := self.task.reason_to_refuse(
                self.task_state, request.user, self.action_name, **form.cleaned_data
            )
        ):
            raise ReviewRefused(reason)
        return super().post(request, *args, **kwargs)


class ReviewActionView(DecideMixin, WorkflowActionView):
    """A page's review screen, from the dashboard or a link."""


class ReviewActionDataView(CheckDecisionMixin, CollectWorkflowActionDataView):
    """A page's review screen, opened from its editor."""


class ReviewSnippetActionView(DecideMixin, snippet_views.WorkflowActionView):
    """A source's review screen, from the dashboard or a link."""


class ReviewSnippetActionDataView(CheckDecisionMixin, snippet_views.CollectWorkflowActionDataView):
    """A source's review screen, opened from its editor."""


def record_change_note(page, form, user) -> None:
    """Keep the writer's note for patients (the form's ``change_note``, which the form requires
    on submission) with the page's submission to the medical review."""
    text = (form.cleaned_data.get("change_note") or "").strip()
    # Read afresh: the view's page remembers it was in no review before it was submitted.
    state = WorkflowState.objects.active().for_instance(page).first()
    if text and state is not None:
        ChangeNote.objects.update_or_create(
            workflow_state=state,
            defaults={"text": text, "written_by": user, "written_at": timezone.now()},
        )


class ReviewCreateView(CreateView):
    """Wagtail's editor of a new page, keeping the change note of a page submitted at once."""

    def submit_action(self):
        response = super().submit_action()
        record_change_note(self.page, self.form, self.request.user)
        return response


class ReviewEditView(EditView):
    """Wagtail's page editor, saying what each workflow action did or why it did not, and
    keeping the writer's change note with each submission."""

    def submit_action(self):
        response = super().submit_action()
        record_change_note(self.page, self.form, self.request.user)
        return response

    def restart_workflow_action(self):
        response = super().restart_workflow_action()
        record_change_note(self.page, self.form, self.request.user)
        return response

    def get(self, request, *args, **kwargs):
        state = self.workflow_state
        if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            messages.warning(request, sent_back_note(state.current_task_state))
        return super().get(request, *args, **kwargs)

    @cached_property
    def action_name_and_method(self):
        name, method = super().action_name_and_method
        if name == "save" and self.request.POST.get("action-workflow-action"):
            # The review did not offer this action to this person (any more): keep what they
            # typed, and say why nothing was decided.
            return name, self.save_and_refuse_workflow_action
        return name, method

    def save_and_refuse_workflow_action(self):
        response = self.save_action()
        task_state = self.page.current_workflow_task_state
        action = self.request.POST.get("workflow-action-name", "")
        title = self.page.get_admin_display_title()
        reason = f"“{title}” is not in medical review: nothing was approved or sent back."
        if task_state is not None:
            task = task_state.task.specific
            reason = task.reason_to_refuse(task_state, self.request.user, action) or reason
        messages.error(self.request, reason)
        return response

    def perform_workflow_action(self):
        try:
            return super().perform_workflow_action()
        except ReviewRefused as refusal:
            saved = " Your changes are saved as a new version." if self.has_content_changes else ""
            messages.error(self.request, f"{refusal}{saved}")
            return self.redirect_and_remain()

    def add_save_confirmation_message(self):
        if self.action_name != "perform_workflow_action":
            return super().add_save_confirmation_message()
        decided = (
            TaskState.objects.filter(
                workflow_state__base_content_type=self.page.get_base_content_type(),
                workflow_state__object_id=str(self.page.pk),
                finished_by=self.request.user,
            )
            .select_related("workflow_state", "revision")
            .latest("finished_at")
        )
        message, buttons = what_happened(decided)
        messages.success(self.request, message, buttons=buttons)


class ReviewedPageViewSet(PageViewSet):
    """Wagtail's page views, with the medical review's editor and action screens."""

    name = "reviewed_pages"
    add_view_class = ReviewCreateView
    edit_view_class = ReviewEditView
    workflow_action_view_class = ReviewActionView
    collect_workflow_action_data_view_class = ReviewActionDataView
