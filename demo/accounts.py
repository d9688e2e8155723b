"""The demo accounts `make run` creates: one per editorial role, for local use only."""

from typing import NamedTuple

from review.roles import ADMINISTRATORS, REVIEWERS, WRITERS


class DemoAccount(NamedTuple):
    username: str
    password: str
    first_name: str
    last_name: str
    group: str
    superuser: bool


# Documented in the README. create_demo_accounts refuses to run unless DEBUG is on, and the
# production settings refuse these passwords even if such an account exists.
DEMO_ACCOUNTS = [
    DemoAccount("admin", "portal-admin-demo", "Alex", "Admin", ADMINISTRATORS, True),
    DemoAccount("writer", "portal-writer-demo", "Wendy", "Writer", WRITERS, False),
    DemoAccount("reviewer", "portal-reviewer-demo", "Dr. Riley", "Reviewer", REVIEWERS, False),
]
