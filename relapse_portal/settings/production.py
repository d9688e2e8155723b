"""Production: everything comes from the environment (see base.py); nothing is relaxed.

Demo accounts are never created here: the demo commands refuse to run without DEBUG.
"""

from .base import *  # noqa: F403

# The demo accounts' published passwords are refused here, whatever the database holds.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "review.backends.RefuseDemoPasswordsBackend",
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}
