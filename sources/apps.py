from django.apps import AppConfig


class SourcesConfig(AppConfig):
    name = "sources"
    verbose_name = "Sources"

    def ready(self):
        from sources import watch  # noqa: F401 - connects the watch on the evidence
