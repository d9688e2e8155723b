from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Page

from glossary.models import GlossaryTermPage
from treatments.models import SideEffectPage, TreatmentPage

from .forms import SearchForm
from .snippets import highlighted_snippet

RESULTS_PER_PAGE = 10
SEARCHABLE_TYPES = (TreatmentPage, SideEffectPage, GlossaryTermPage)


def search(request):
    """Live, public treatments, side effects and glossary terms matching the query.

    Wagtail's database backend indexes a page when it is saved, from the saved (live) fields,
    so words that exist only in an unpublished draft are never found.
    """
    form = SearchForm(request.GET)
    query = form.cleaned_data["query"].strip() if form.is_valid() else ""
    results = hits = None
    if query:
        pages = Page.objects.live().public().type(*SEARCHABLE_TYPES).specific()
        paginator = Paginator(pages.search(query), RESULTS_PER_PAGE)
        results = paginator.get_page(request.GET.get("page"))
        hits = [(page, highlighted_snippet(page, query)) for page in results]
    return TemplateResponse(
        request,
        "search/search.html",
        {"form": form, "search_query": query, "results": results, "hits": hits},
    )
