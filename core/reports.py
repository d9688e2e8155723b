from django.urls import path


def report_urls(route: str, view_class, name: str) -> list:
    """A Wagtail report's admin URLs: its page at ``route`` (named ``name``), and the results
    alone at ``route`` + ``results/`` (named ``name`` + ``_results``), which the report's
    filters load."""
    return [
        path(route, view_class.as_view(), name=name),
        path(f"{route}results/", view_class.as_view(results_only=True), name=f"{name}_results"),
    ]
