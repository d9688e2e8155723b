from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """The portal's user: a Django user, kept as our own model so it can grow."""

    def __str__(self):
        return self.get_full_name() or self.username
