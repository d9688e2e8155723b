"""The "Was this page helpful?" form's endpoint, and the thank-you page it leads to.

Patient pages are served from a front cache, so the form carries no CSRF token and the endpoint
sets no cookie and reads no session. It is protected instead by a size limit, a honeypot field,
a check that the post comes from the site's own pages, and a rate limit per address
(feedback.throttle). Bad posts get a clear 4xx answer, never a server error.
"""

from urllib.parse import urlsplit

from django.http import HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Page

from feedback import throttle
from feedback.forms import FeedbackForm
from feedback.models import Feedback

MAX_POST_BYTES = 4096  # a comment of 500 characters, all of them four-byte, fits with room
THANKS = "Thank you. Your answer has been sent to the people who write this site."


@csrf_exempt
@never_cache
@require_POST
def submit(request):
    """Store one answer. A script gets JSON; a browser without one is sent to the thank-you."""
    if content_length(request) > MAX_POST_BYTES:
        return refuse(request, 413, "That is more than this form can take. Please shorten it.")
    if not throttle.allow(request):
        response = refuse(
            request,
            429,
            "Thank you, but we have had many answers from you just now. Please try again later.",
        )
        response["Retry-After"] = str(throttle.WINDOW_SECONDS)
        return response
    if not from_this_site(request):
        return refuse(request, 403, "Please answer from the page itself.")
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        message = next(iter(form.errors.values()))[0]
        return refuse(request, 400, message, page=form.cleaned_data.get("page"))
    feedback = Feedback.objects.create(
        page=form.cleaned_data["page"],
        helpful=form.cleaned_data["helpful"],
        comment=form.cleaned_data["comment"],
    )
    if wants_json(request):
        return JsonResponse({"message": THANKS}, status=201)
    response = HttpResponseRedirect(f"{reverse('feedback_thanks')}?page={feedback.page_id}")
    response.status_code = 303  # see other: the thank-you is fetched with GET
    return response


@require_GET
def thanks(request):
    """The same for every reader, so safe to cache: a thank-you and a way back to the page."""
    page_id = request.GET.get("page", "")
    page = Page.objects.live().public().filter(pk=page_id).first() if page_id.isdigit() else None
    return TemplateResponse(
        request, "feedback/thanks.html", {"message": THANKS, "feedback_page": page}
    )


def content_length(request) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return MAX_POST_BYTES + 1


def from_this_site(request) -> bool:
    """Browsers name the page a post comes from (Origin); it must be one of the site's own."""
    origin = request.headers.get("Origin")
    return origin is None or urlsplit(origin).netloc == request.get_host()


def wants_json(request) -> bool:
    return request.get_preferred_type(["text/html", "application/json"]) == "application/json"


def refuse(request, status, message, page=None):
    if wants_json(request):
        return JsonResponse({"error": message}, status=status)
    return TemplateResponse(
        request,
        "feedback/refused.html",
        {"message": message, "feedback_page": page},
        status=status,
    )
