from django.apps import AppConfig


class ContentApiConfig(AppConfig):
    name = "content_api"
    verbose_name = "Content API"
