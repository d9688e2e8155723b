#!/usr/bin/env python
"""Django's command-line utility for the relapse portal."""

import os
import sys

if sys.version_info < (3, 12):  # noqa: UP036 - the point is a clear message on old Pythons
    sys.exit(
        f"Python 3.12+ is needed (found {sys.version.split()[0]}). "
        "The project's .python-version asks pyenv or uv for 3.13."
    )


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "relapse_portal.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
