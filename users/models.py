from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """The portal's user: a Django user, kept as our own model so it can grow."""

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        permissions = [
            (
                "sign_in_with_two_factor",
                "Must sign in with a code from an authenticator app (two-factor)",
            )
        ]

    def __str__(self):
        return self.get_full_name() or self.username
