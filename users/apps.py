from django.apps import AppConfig


class UsersConfig(AppConfig):
    name = "users"
    verbose_name = "Users"

    def ready(self):
        from users import sessions  # noqa: F401 (records when each user signs in)
