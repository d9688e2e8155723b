from django.apps import AppConfig


class ToolsConfig(AppConfig):
    """Patient tools: pages built from the treatments' structured data, and worksheets that
    run in the browser."""

    name = "tools"
