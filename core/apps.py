from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Portal core"

    def ready(self):
        from core.forms import register_field_overrides

        register_field_overrides()
