from django.core.paginator import Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from wagtail.models import Page

from glossary.models import GlossaryTermPage
from treatments.models import SideEffectPage, TreatmentPage

from . import vocabulary
from .forms import SearchForm
from .snippets import highlighted_snippet

RESULTS_PER_PAGE = 10
SEARCHABLE_TYPES = (TreatmentPage, SideEffectPage, GlossaryTermPage)


def searchable_pages():
    """Live, public treatments, side effects and glossary terms: all that search may show."""
    return Page.objects.live().public().type(*SEARCHABLE_TYPES).specific()


def search(request):
    """Live, public pages matching the query, or matching it once its spelling is corrected.

    Wagtail's database backend indexes a page when it is saved, from the saved (live) fields,
    so words that exist only in an unpublished draft are never found. When nothing matches,
    each word the site does not know is replaced by the nearest one it does ("steriods" by
    "steroids"); when even that finds nothing, "Did you mean ...?" offers the nearest names.
    """
    form = SearchForm(request.GET)
    query = form.cleaned_data["query"].strip() if form.is_valid() else ""
    context = {"form": form, "search_query": query, "results": None}
    if query:
        pages = searchable_pages()
        results = pages.search(query, operator="and")
        if not results.count():
            known = vocabulary.known_in(pages)
            correction = vocabulary.corrected(query, known)
            if correction != query and (corrected_results := pages.search(correction)).count():
                context["correction"], results = correction, corrected_results
            else:
                context["did_you_mean"] = vocabulary.did_you_mean(query, known)
        paginator = Paginator(results, RESULTS_PER_PAGE)
        context["results"] = page = paginator.get_page(request.GET.get("page"))
        shown_query = context.get("correction", query)
        context["hits"] = [(result, highlighted_snippet(result, shown_query)) for result in page]
    return TemplateResponse(request, "search/search.html", context)


def suggestions(request):
    """Names to suggest under a search box, as JSON: ``{"suggestions": ["steroids", ...]}``.

    For the search box's script; from live, public pages only, like the search itself.
    """
    form = SearchForm(request.GET)
    if not form.is_valid():
        return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
    typed = form.cleaned_data["query"].strip()
    found = []
    if len(typed) >= vocabulary.MIN_TYPED_LENGTH:
        found = vocabulary.suggestions(typed, vocabulary.known_in(searchable_pages()))
    response = JsonResponse({"query": typed, "suggestions": found})
    # Asked afresh each time: the front cache could not purge a page's names when it goes.
    patch_cache_control(response, no_cache=True)
    return response
