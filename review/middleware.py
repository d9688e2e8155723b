from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from wagtail.admin.modal_workflow import render_modal_workflow

from review.models import ReviewRefused


class ReviewRefusalMiddleware:
    """Turn a refused workflow action into an admin message on the page's edit screen.

    The rules live in MedicalReviewTask.on_action, which has no request to write a message to;
    it raises ReviewRefused, and this shows the reason instead of a bare 403. Nothing changed:
    the task action runs in a transaction that the exception rolls back.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, ReviewRefused):
            return None
        messages.error(request, str(exception))
        page_id = request.resolver_match.kwargs.get("page_id") if request.resolver_match else None
        url = (
            reverse("wagtailadmin_pages:edit", args=[page_id])
            if page_id
            else reverse("wagtailadmin_home")
        )
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            # The workflow action modal follows this to the page, where the message shows.
            return render_modal_workflow(
                request, "", None, {}, json_data={"step": "success", "redirect": url}
            )
        return redirect(url)
