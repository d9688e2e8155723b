from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Page

from glossary.models import GlossaryTermPage
from treatments.models import SideEffectPage, TreatmentPage

from .forms import SearchForm

RESULTS_PER_PAGE = 10
SEARCHABLE_TYPES = (TreatmentPage, SideEffectPage, GlossaryTermPage)


def search(request):
    form = SearchForm(request.GET)
    query = form.cleaned_data["query"].strip() if form.is_valid() else ""
    results = None
    if query:
        pages = Page.objects.live().public().type(*SEARCHABLE_TYPES).specific()
        paginator = Paginator(pages.search(query), RESULTS_PER_PAGE)
        results = paginator.get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "search/search.html",
        {"form": form, "search_query": query, "results": results},
    )
