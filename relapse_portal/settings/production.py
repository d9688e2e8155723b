"""Production: everything comes from the environment (see base.py); nothing is relaxed.

The demo app (demo content, demo accounts, the benchmark) is not installed here, so its
commands do not exist. Only its login backend is used: it knows the demo accounts' published
passwords and refuses them, in case a database copied from a developer's machine holds them.
"""

from .base import *  # noqa: F403

AUTHENTICATION_BACKENDS = ["demo.backends.RefuseDemoPasswordsBackend"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}
