from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "review"
    verbose_name = "Medical review"

    def ready(self):
        from review.signal_handlers import register_signal_handlers

        register_signal_handlers()
