"""The editorial roles. Groups are made by a data migration; code refers to them by name."""

WRITERS = "Medical writers"
REVIEWERS = "Medical reviewers"
ADMINISTRATORS = "Site administrators"

WORKFLOW = "Medical review"
