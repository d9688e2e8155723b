from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content, demo accounts and the page benchmark: what a production install leaves out."""

    name = "demo"
    verbose_name = "Demo content"
