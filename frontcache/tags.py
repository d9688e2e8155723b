"""Cache tags: what a response shows, so that a change purges exactly the responses showing it.

Tag names:

- ``page-<id>``: shows that page's content (it is the page, or lists, links or explains it);
- ``tree-<path>``: is the page at that place in the tree or below it (the breadcrumbs and the
  address show the titles and slugs of its ancestors);
- ``children-<id>``: lists that page's live children (an index page, the home page);
- ``all-<app_label.model>``: shows every live page of that type (the comparison table);
- ``glossary``: explains glossary words, so depends on which words the glossary has;
- ``menu``, ``search``, ``site``: shows the main menu, search results, the site's name.
"""

from collections.abc import Iterable, Iterator
from dataclasses import is_dataclass

from django.db.models import Model, QuerySet
from wagtail.models import Page

from glossary.templatetags.glossary_tags import explained_terms
from tools.models import QuestionsGuidePage, TreatmentHistoryPage
from treatments.models import TreatmentComparisonPage, TreatmentPage

MENU, SEARCH, SITE, GLOSSARY = "menu", "search", "site", "glossary"

# Page types that show (or link to) every live page of other types, whatever their parent.
SHOWS_EVERY = {
    TreatmentComparisonPage: (TreatmentPage,),
    TreatmentHistoryPage: (TreatmentPage,),
    QuestionsGuidePage: (TreatmentPage,),
    TreatmentPage: (QuestionsGuidePage,),  # the link to the guide, while it is published
}


def page_tag(page_id) -> str:
    return f"page-{page_id}"


def tree_tag(path: str) -> str:
    return f"tree-{path}"


def children_tag(page_id) -> str:
    return f"children-{page_id}"


def every_tag(model) -> str:
    return f"all-{model._meta.label_lower}"


def ancestry_tags(path: str) -> set[str]:
    """The page at ``path`` and each of its ancestors below the tree's root."""
    step = Page.steplen
    return {tree_tag(path[:end]) for end in range(2 * step, len(path) + 1, step)}


def response_tags(request, context) -> set[str]:
    """The tags of a rendered page or search response, from its template context."""
    tags = {SITE, MENU}
    page = context.get("page")
    if isinstance(page, Page):
        tags |= {page_tag(page.pk), children_tag(page.pk)} | ancestry_tags(page.path)
        tags |= {every_tag(shown_type) for shown_type in SHOWS_EVERY.get(type(page), ())}
    elif request.resolver_match and request.resolver_match.view_name == "search":
        tags.add(SEARCH)
    tags |= {page_tag(shown.pk) for shown in pages_in(context.values())}
    terms = explained_terms(request)
    if terms is not None:
        tags.add(GLOSSARY)
        tags |= {page_tag(term.page_id) for term in terms if term.page_id}
    return tags


def pages_in(values: Iterable, depth: int = 6) -> Iterator[Page]:
    """Every page the template was given and used: in lists, dicts, query sets it evaluated,
    rows of a table, and objects that link pages (a treatment's side-effect links)."""
    for value in values:
        if isinstance(value, Page):
            yield value
        elif depth == 0 or isinstance(value, str | bytes):
            continue
        elif isinstance(value, QuerySet):
            # Only what the template read: a query set it never evaluated showed nothing.
            yield from pages_in(value._result_cache or (), depth - 1)
        elif isinstance(value, dict):
            yield from pages_in(value.values(), depth - 1)
        elif isinstance(value, list | tuple | set):
            yield from pages_in(value, depth - 1)
        elif isinstance(value, Model):
            yield from pages_in(related_objects(value), depth - 1)
        elif is_dataclass(value):
            yield from pages_in(vars(value).values(), depth - 1)


def related_objects(instance: Model) -> Iterator[Model]:
    """The objects ``instance`` links to that are already loaded (no query)."""
    for field in instance._meta.concrete_fields:
        if field.is_relation and field.is_cached(instance):
            yield field.get_cached_value(instance)
