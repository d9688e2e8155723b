from wagtail import hooks

from glossary.models import GlossaryTermPage


@hooks.register("plain_language_names")
def glossary_names(page):
    """Every name of every live glossary term, and of ``page`` itself if it is a term.

    The glossary explains these where they are used, so the reading grade counts each as one
    short word.
    """
    terms = [
        (title, *other_names)
        for title, other_names in GlossaryTermPage.objects.live().values_list(
            "title", "other_names"
        )
    ]
    if isinstance(page, GlossaryTermPage):
        terms.append((page.title, *page.other_names))
    return [name for names in terms for name in names]
